import { data } from 'react-router';
import { z } from 'zod';
import type { TFunction } from 'i18next';

import type { ProblemIssue } from './problem.server';

function describe(issue: z.core.$ZodIssue, t: TFunction): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int' ? t('errors.mustBeInteger') : t('errors.notInForm');
    case 'too_small':
      return t('errors.mustBeAtLeast', { min: String(issue.minimum) });
    case 'too_big':
      return t('errors.mustBeAtMost', { max: String(issue.maximum) });
    case 'invalid_value':
      return t('errors.mustBeOneOf', { values: issue.values.map(String).join(', ') });
    case 'unrecognized_keys':
      return t('errors.unknownParam');
    default:
      // Zod's own words are English: say it in the reader's language.
      return t('errors.notInForm');
  }
}

/** Each schema's strict form, made once: zod compiles a schema on its first use. */
const strictSchemas = new WeakMap<z.ZodObject, z.ZodObject>();

/**
 * Reads a URL's query string with a zod object schema. A parameter given several times reaches the
 * schema as one comma-separated value (what a form's checkboxes send); unknown parameters are
 * rejected. Failures become issues that name the parameter, in the reader's language.
 */
export function parseQuery<S extends z.ZodObject>(
  schema: S,
  url: URL,
  t: TFunction,
): { ok: true; value: z.output<S> } | { ok: false; issues: ProblemIssue[] } {
  const raw: Record<string, string> = {};
  for (const [key, value] of url.searchParams) {
    if (value !== '') raw[key] = raw[key] === undefined ? value : `${raw[key]},${value}`;
  }
  let strict = strictSchemas.get(schema);
  if (!strict) strictSchemas.set(schema, (strict = schema.strict()));
  const result = strict.safeParse(raw);
  if (result.success) return { ok: true, value: result.data as z.output<S> };
  const issues = result.error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((k) => ({ param: k, message: t('errors.invalidParam', { param: k, reason: t('errors.unknownParam') }) }))
      : [
          {
            // The parameter itself, also for an item of a comma list (path `kind.1`).
            param: String(issue.path[0] ?? ''),
            message: t('errors.invalidParam', { param: String(issue.path[0] ?? ''), reason: describe(issue, t) }),
          },
        ],
  );
  return { ok: false, issues };
}

/** For pages: a 400 that the error boundary shows with the message. */
export function badRequest(issues: ProblemIssue[]): never {
  throw data(issues.map((i) => i.message).join(' '), { status: 400 });
}
