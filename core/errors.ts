// Typed errors with a code. Core actions throw them; the HTTP edge turns the code into a status
// and a localized message (see app/lib/http.server.ts).

export type ErrorCode =
  | 'not_found'
  | 'forbidden'
  | 'invalid'
  | 'conflict'
  | 'full'
  | 'closed'
  | 'cutoff_passed'
  | 'duplicate'
  | 'ineligible'
  | 'rate_limited';

/** Values a message about an error is told with (`{ count: 3 }` for "3 people already hold a place"). */
export type ErrorParams = Record<string, string | number>;

export interface Issue {
  /** Dotted path of the offending field or parameter, e.g. `page` or `answers.q1`. */
  path: string;
  /** In English, for logs and the API; pages choose their words by `code`. */
  message: string;
  /**
   * A stable code for what is wrong with the field (`required`, `too_long`, `end_before_start`…),
   * which the catalogs translate as `errors.field.<code>`. Absent when the message is itself the
   * code (`message: 'required'`); read it with `issueCode`.
   */
  code?: string;
  params?: ErrorParams;
}

/**
 * An issue's code: its own, its message when that is a code (`required`), or `invalid`. A dotted
 * code is a key of the catalogs itself (the publish check's `editor.problem.*`).
 */
export function issueCode(issue: Issue): string {
  return issue.code ?? (/^[a-z][a-zA-Z_]*(\.[a-zA-Z_]+)*$/.test(issue.message) ? issue.message : 'invalid');
}

export class CoreError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly issues: Issue[] = [],
    /**
     * A stable reason, for the pages to choose their words by (never by the English message): the
     * catalogs translate it as `errors.reason.<reason>`, told with `params`.
     */
    public readonly reason: string | null = null,
    public readonly params: ErrorParams = {},
  ) {
    super(message);
    this.name = 'CoreError';
  }
}

export class NotFound extends CoreError {
  constructor(what: string, reason: string | null = null) {
    super('not_found', `${what} not found`, [], reason);
  }
}

export class Forbidden extends CoreError {
  constructor(message = 'not allowed', reason: string | null = null) {
    super('forbidden', message, [], reason);
  }
}

export class Invalid extends CoreError {
  constructor(issues: Issue[]) {
    super('invalid', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
  }
}

export class Conflict extends CoreError {
  constructor(message: string, reason: string | null = null, params: ErrorParams = {}) {
    super('conflict', message, [], reason, params);
  }
}

/** The stable reason of a core error (see `CoreError.reason`), or null for any other error. */
export function reasonOf(err: unknown): string | null {
  return err instanceof CoreError ? err.reason : null;
}

/** A sign-up or application that the group's rules refuse (closed, too late, already in, not eligible). */
export class Refused extends CoreError {
  constructor(code: 'closed' | 'cutoff_passed' | 'duplicate' | 'ineligible', message: string) {
    super(code, message);
  }
}

/** Too many requests of one kind: try again after `retryAfterSeconds` (HTTP 429 with Retry-After). */
export class RateLimited extends CoreError {
  constructor(
    message: string,
    public readonly retryAfterSeconds: number,
    reason: string | null = null,
    params: ErrorParams = {},
  ) {
    super('rate_limited', message, [], reason, params);
  }
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  invalid: 400,
  conflict: 409,
  full: 409,
  closed: 409,
  cutoff_passed: 409,
  duplicate: 409,
  ineligible: 422,
  rate_limited: 429,
};
