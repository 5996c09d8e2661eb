import type { TFunction } from 'i18next';
import type { OpenApiDocument } from './openapi.server';

// The OpenAPI document as the developers' page draws it: each operation with its parameters, its
// body and its answers, and each schema's fields (nested objects flattened as `a.b`, lists as
// `a[].b`), their types worded in the reader's language.

interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
}

/** A type as words, and the schemas it names (the page links them). */
export interface TypeWords {
  text: string;
  refs: string[];
}

export interface FieldRow {
  name: string;
  type: TypeWords;
  required: boolean;
  description: string | null;
}

export interface OperationView {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string | null;
  params: (FieldRow & { in: string })[];
  body: TypeWords | null;
  responses: { status: string; description: string; type: TypeWords | null }[];
}

export interface SchemaView {
  name: string;
  description: string | null;
  fields: FieldRow[];
}

const refName = (ref: string) => ref.slice(ref.lastIndexOf('/') + 1);

export function apiReference(doc: OpenApiDocument, t: TFunction): { operations: OperationView[]; schemas: SchemaView[] } {
  const say = t as unknown as (key: string, options?: object) => string;
  const plain = { interpolation: { escapeValue: false } };

  function typeOf(s: JsonSchema | undefined): TypeWords {
    if (!s) return { text: '', refs: [] };
    if (s.$ref) return { text: refName(s.$ref), refs: [refName(s.$ref)] };
    const variants = s.anyOf ?? s.oneOf;
    if (variants) {
      const others = variants.filter((v) => v.type !== 'null');
      const parts = others.map(typeOf);
      const joined = { text: parts.map((p) => p.text).join(' | '), refs: parts.flatMap((p) => p.refs) };
      return others.length < variants.length ? { ...joined, text: say('developers.page.orNull', { type: joined.text, ...plain }) } : joined;
    }
    if (s.const !== undefined) return { text: JSON.stringify(s.const), refs: [] };
    if (s.enum) return { text: say('developers.page.oneOf', { values: s.enum.map(String).join(', '), ...plain }), refs: [] };
    if (Array.isArray(s.type)) {
      const base = typeOf({ ...s, type: s.type.find((x) => x !== 'null') });
      return s.type.includes('null') ? { ...base, text: say('developers.page.orNull', { type: base.text, ...plain }) } : base;
    }
    if (s.type === 'array') {
      const item = typeOf(s.items);
      return { text: say('developers.page.arrayOf', { type: item.text, ...plain }), refs: item.refs };
    }
    return { text: s.format ? `${s.type} (${s.format})` : (s.type ?? ''), refs: [] };
  }

  /** The object inside a schema, if it is one written in place (not a named schema). */
  function inlineObject(s: JsonSchema): JsonSchema | null {
    if (s.properties) return s;
    const variants = s.anyOf ?? s.oneOf;
    const obj = variants?.find((v) => v.properties);
    if (obj) return obj;
    if (s.type === 'array' && s.items?.properties) return s.items;
    return null;
  }

  function fields(s: JsonSchema, prefix = '', depth = 0): FieldRow[] {
    const required = new Set(s.required ?? []);
    return Object.entries(s.properties ?? {}).flatMap(([name, prop]) => {
      const row: FieldRow = { name: `${prefix}${name}`, type: typeOf(prop), required: required.has(name), description: prop.description ?? null };
      const inner = depth < 3 ? inlineObject(prop) : null;
      if (!inner) return [row];
      const nested = fields(inner, `${prefix}${name}${prop.type === 'array' ? '[]' : ''}.`, depth + 1);
      return [{ ...row, type: inner === prop ? { text: 'object', refs: [] } : row.type }, ...nested];
    });
  }

  const operations: OperationView[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item ?? {}) as [string, Record<string, unknown>][]) {
      const parameters = (op.parameters ?? []) as { name: string; in: string; required?: boolean; description?: string; schema?: JsonSchema }[];
      const body = (op.requestBody as { content?: Record<string, { schema?: JsonSchema }> } | undefined)?.content?.['application/json']?.schema;
      const responses = Object.entries((op.responses ?? {}) as Record<string, { description: string; content?: Record<string, { schema?: JsonSchema }> }>);
      operations.push({
        id: String(op.operationId),
        method: method.toUpperCase(),
        path,
        summary: String(op.summary ?? ''),
        description: (op.description as string | undefined) ?? null,
        params: parameters.map((p) => ({
          name: p.name,
          in: say(`developers.page.in.${p.in}`),
          type: typeOf(p.schema),
          required: !!p.required,
          description: p.description ?? null,
        })),
        body: body ? typeOf(body) : null,
        responses: responses.map(([status, r]) => {
          const schema = Object.values(r.content ?? {})[0]?.schema;
          return { status, description: r.description, type: schema ? typeOf(schema) : null };
        }),
      });
    }
  }
  const schemas = Object.entries((doc.components?.schemas ?? {}) as Record<string, JsonSchema>).map(([name, s]) => ({
    name,
    description: s.description ?? null,
    fields: fields(s),
  }));
  return { operations, schemas };
}
