import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { oas31 } from 'zod-openapi';

type OpenAPIObject = oas31.OpenAPIObject;

// Every answer of the public API that a test receives is checked against the OpenAPI document the
// app serves (app/lib/openapi.server.ts), with ajv: its status must be documented for its
// operation, its content type listed, and its body valid for the schema. An answer that breaks
// the document fails the test that received it (tests/support/api-contract-setup.ts).

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const DOC_ID = 'cercle-openapi';
const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

export interface ApiContract {
  /** What is wrong with an answer, or null when the document describes it. */
  check(answer: { method: string; url: string; status: number; contentType: string | null; body: string }): string | null;
}

export function apiContract(doc: OpenAPIObject): ApiContract {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc as object, DOC_ID);
  const validators = new Map<string, ValidateFunction>();
  const templates = Object.keys(doc.paths ?? {}).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{[^}]+\\\}/g, '[^/]+')}$`),
  }));

  return {
    check({ method, url, status, contentType, body }) {
      const path = new URL(url).pathname;
      const found = templates.find((t) => t.pattern.test(path));
      if (!found) return `${method} ${path}: no path of the OpenAPI document matches`;
      const item = doc.paths![found.template] as Record<string, { responses?: Record<string, { content?: Record<string, unknown> }> }>;
      const operation = item[method.toLowerCase()];
      if (!operation) {
        // Any other method is refused with a problem naming the one allowed.
        if (status === 405) return this.check({ method: 'POST', url, status, contentType, body });
        return `${method} ${path} → ${status}: the document has no ${method} operation here`;
      }
      const responses = operation.responses ?? {};
      const key = String(status) in responses ? String(status) : 'default' in responses ? 'default' : null;
      if (!key) return `${method} ${found.template} → ${status}: status not documented (documented: ${Object.keys(responses).join(', ')})`;
      const content = responses[key]!.content ?? {};
      const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
      if (!(mediaType in content)) return `${method} ${found.template} → ${status}: content type ${mediaType || 'none'} not documented (${Object.keys(content).join(', ')})`;
      const ref = `${DOC_ID}#/${pointer('paths', found.template, method.toLowerCase(), 'responses', key, 'content', mediaType, 'schema')}`;
      let validate = validators.get(ref);
      if (!validate) validators.set(ref, (validate = ajv.compile({ $ref: ref })));
      let value: unknown;
      try {
        value = JSON.parse(body);
      } catch {
        return `${method} ${found.template} → ${status}: the body is not JSON`;
      }
      if (validate(value)) return null;
      const errors = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
      return `${method} ${found.template} → ${status}: the body does not follow the document:\n  ${errors.join('\n  ')}`;
    },
  };
}
