import type { TFunction } from 'i18next';
import { CoreError, HTTP_STATUS, issueCode, RateLimited, type ErrorCode } from '../../core/errors';

// One way from a core error to what a page shows. Core names what went wrong with stable codes
// (`CoreError.reason`, `Issue.code`) and the values to tell it with (`params`); the catalogs word
// them, in each language, as `errors.reason.<reason>` and `errors.field.<code>`. Nothing here reads
// the English message of an error: rewording one in core changes no page.

/** What a form page shows of a refusal: its status, one message, and one message per field. */
export interface FormProblem {
  status: number;
  message: string;
  fields: Record<string, string>;
}

/**
 * The areas of pages with words of their own. Each may have:
 * - `<area>.errors.summary`, above the fields of a refused form;
 * - `<area>.errors.reason.<reason>`, where it words a reason of core its own way;
 * - one sentence per kind of error (`.forbidden`, `.notFound`, `.conflict`, `.rateLimited`, or the
 *   code itself: `.closed`, `.duplicate`…) and `.generic`;
 * - `<area>.errors.fields.<field>.<code>` where one of its fields words a code its own way, and
 *   `<area>.errors.fields.<field>.any` where a field says the same whatever is wrong (the field is
 *   the form field's name up to its first dot: `answer` for `answer.q1`);
 * - `<area>.errors.<code>`, where the area words a code its own way (the editor's dates, for one).
 */
export type ProblemArea = 'running' | 'organize' | 'editor' | 'listing.report' | 'community' | 'signup' | 'admin' | 'articles';

const KIND_WORDS: Partial<Record<ErrorCode, string>> = { forbidden: 'forbidden', not_found: 'notFound', conflict: 'conflict', rate_limited: 'rateLimited' };

type Say = (key: string | string[], params?: Record<string, unknown>) => string;

/**
 * A core error as a form page shows it; anything else is rethrown (a real 500). An invalid field
 * is shown next to the form's field of the same name (its first path segment, after `prefix`
 * when a page holds several forms).
 */
export function formProblem(
  err: unknown,
  t: TFunction,
  area: ProblemArea | null,
  options: { prefix?: string; field?: (path: string) => string } = {},
): FormProblem {
  if (!(err instanceof CoreError)) throw err;
  const say = t as unknown as Say;
  const status = HTTP_STATUS[err.code];
  if (err.code === 'invalid') {
    const fields: Record<string, string> = {};
    for (const issue of err.issues) {
      const field = options.field ? options.field(issue.path) : issue.path.split('.')[0]!;
      const code = issueCode(issue);
      const kind = field.split('.')[0];
      const own = area ? [`${area}.errors.fields.${kind}.${code}`, `${area}.errors.fields.${kind}.any`, `${area}.errors.${code}`] : [];
      const keys = code.includes('.') ? [code] : [...own, `errors.field.${code}`];
      fields[`${options.prefix ?? ''}${field}`] ??= say([...keys, 'errors.field.invalid'], issue.params);
    }
    return { status, message: say([...(area ? [`${area}.errors.summary`] : []), 'errors.summary']), fields };
  }
  const params = err instanceof RateLimited ? { ...waitOf(err.retryAfterSeconds), ...err.params } : err.params;
  const kind = KIND_WORDS[err.code] ?? err.code;
  const keys = [
    ...(err.reason ? [...(area ? [`${area}.errors.reason.${err.reason}`] : []), `errors.reason.${err.reason}`] : []),
    ...(area ? [`${area}.errors.${kind}`] : []),
    ...(area ? [`${area}.errors.generic`] : KIND_WORDS[err.code] ? [`errors.${kind}`] : []),
    'errors.generic',
  ];
  return { status, message: say(keys, params), fields: {} };
}

/** How long to wait, in the units a message may say it in (each at least 1). */
function waitOf(seconds: number) {
  return { minutes: Math.max(1, Math.ceil(seconds / 60)), hours: Math.max(1, Math.ceil(seconds / 3600)) };
}

/** One parameter or field the API refuses, and why, in the caller's language. */
export interface ProblemIssue {
  param: string;
  message: string;
}

/**
 * The API's error response: a JSON problem (RFC 9457, `application/problem+json`) with a title and
 * detail in the caller's language, and, as an extension, `error` — a stable `code`, the same
 * message and the refused parameters — that the API has answered with since its first version.
 */
export function jsonProblem(t: TFunction, status: number, code: string, detail: string, issues?: ProblemIssue[]): Response {
  return new Response(JSON.stringify(problemBody(t, status, code, detail, issues)), { status, headers: { 'content-type': PROBLEM_TYPE } });
}

export const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

/** The body of a JSON problem (see `jsonProblem`), for servers that send it themselves. */
export function problemBody(t: TFunction, status: number, code: string, detail: string, issues?: ProblemIssue[]) {
  const say = t as unknown as Say;
  const title = say(status === 400 ? 'errors.badRequestTitle' : status === 403 ? 'errors.forbiddenTitle' : status === 404 ? 'errors.notFoundTitle' : 'errors.genericTitle');
  return { type: 'about:blank', title, status, detail, error: { code, message: detail, ...(issues?.length ? { issues } : {}) } };
}

/**
 * A core error as the API's JSON problem, worded like the pages' (by reason, else by kind, in the
 * words of `area` if given); anything else is rethrown (a real 500). `notFound` words what the
 * address named.
 */
export function apiProblem(err: unknown, t: TFunction, words: { notFound?: string; area?: ProblemArea } = {}): Response {
  const e = formProblem(err, t, words.area ?? null);
  const core = err as CoreError;
  const issues = Object.entries(e.fields).map(([param, message]) => ({ param, message }));
  const detail = core.code === 'not_found' && words.notFound ? words.notFound : e.message;
  return jsonProblem(t, e.status, core.code, detail, core.code === 'invalid' ? issues : undefined);
}
