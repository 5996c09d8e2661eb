import type { TFunction } from 'i18next';
import { CoreError, HTTP_STATUS, issueCode } from '../../core/errors';

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
 * The areas of pages with their own words for what core gives no reason of its own:
 * `<area>.errors.summary` (above the fields), `.forbidden`, `.notFound` and `.generic`.
 */
export type ProblemArea = 'running';

type Say = (key: string | string[], params?: Record<string, unknown>) => string;

/**
 * A core error as a form page shows it; anything else is rethrown (a real 500). An invalid field
 * is shown next to the form's field of the same name (its first path segment, after `prefix`
 * when a page holds several forms).
 */
export function formProblem(err: unknown, t: TFunction, area: ProblemArea, options: { prefix?: string } = {}): FormProblem {
  if (!(err instanceof CoreError)) throw err;
  const say = t as unknown as Say;
  const status = HTTP_STATUS[err.code];
  if (err.code === 'invalid') {
    const fields: Record<string, string> = {};
    for (const issue of err.issues) {
      const name = `${options.prefix ?? ''}${issue.path.split('.')[0]}`;
      fields[name] ??= say([`errors.field.${issueCode(issue)}`, 'errors.field.required'], issue.params);
    }
    return { status, message: say(`${area}.errors.summary`), fields };
  }
  const fallback = err.code === 'forbidden' ? 'forbidden' : err.code === 'not_found' ? 'notFound' : 'generic';
  const keys = [...(err.reason ? [`errors.reason.${err.reason}`] : []), `${area}.errors.${fallback}`];
  return { status, message: say(keys, err.params), fields: {} };
}
