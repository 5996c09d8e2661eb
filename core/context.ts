import type { FileStore } from './files/store';
import type { Database } from '../db/client';
import type { Locale } from '../db/schema';
import { z } from 'zod';
import { Invalid } from './errors';

export type Actor = { type: 'anonymous' } | { type: 'user'; userId: string } | { type: 'system' };

/** Deployment settings core actions need: where the app is reached, the key that signs links. */
export interface Settings {
  publicUrl: string;
  signingKey: string;
  /**
   * The key being replaced (SECRET_KEY_PREVIOUS): links it signed are still accepted, until
   * `until` when given (SECRET_KEY_PREVIOUS_UNTIL); nothing new is signed with it.
   */
  previousSigningKey?: { key: string; until?: Date };
}

/**
 * What every core action receives: the database, the current time, the locale and who acts.
 * `now` is the one clock of core: nothing in core reads the process's or the database's clock to
 * decide anything (docs/architecture.md, "Time").
 */
export interface Context {
  db: Database;
  now: Date;
  locale: Locale;
  actor: Actor;
  settings: Settings;
  /** Where the request came from, when it came over HTTP (rate limits count per client address). */
  client?: { ip: string };
  /** Where uploaded files are kept (the app's DATA_DIR by default); absent where nothing is uploaded. */
  files?: FileStore;
}

export const TEST_SETTINGS: Settings = { publicUrl: 'http://localhost:3000', signingKey: 'test-signing-key-not-secret' };

/** A context at `now` (the edge passes the wall clock; tests, their own). */
export function createContext(db: Database, options: Partial<Omit<Context, 'db'>> & { now: Date }): Context {
  return { db, locale: 'en', actor: { type: 'anonymous' }, settings: TEST_SETTINGS, ...options };
}

/** Runs `fn` in one transaction; every write of an action (and its outbox/audit rows) commits together. */
export function withTransaction<T>(ctx: Context, fn: (tx: Context) => Promise<T>): Promise<T> {
  return ctx.db.transaction((db) => fn({ ...ctx, db: db as unknown as Database }));
}

/** Validates an action's input with its zod schema, turning failures into an Invalid error. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(withoutNul(input));
  if (result.success) return result.data;
  throw new Invalid(
    result.error.issues.map((issue) => {
      const code = zodIssueCode(issue);
      // A message that is already the code is not repeated.
      return { path: issue.path.map(String).join('.') || '(input)', message: issue.message, ...(code === issue.message ? {} : { code }) };
    }),
  );
}

/**
 * The input with the NUL character taken out of every string: it has no place in text, and
 * PostgreSQL refuses it in a text column (the whole write would fail). Plain objects and arrays are
 * walked; anything else (an image's bytes, a date) is kept as it is.
 */
function withoutNul(value: unknown): unknown {
  if (typeof value === 'string') return value.includes('\u0000') ? value.replaceAll('\u0000', '') : value;
  if (Array.isArray(value)) return value.map(withoutNul);
  if (value && typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutNul(v)]));
  }
  return value;
}

/**
 * The stable code of a zod issue (`Issue.code`): a refinement's own (`params.code`), the message
 * when a schema gave a code as its message (`'invalid_phone'`), or one for what zod checked.
 */
function zodIssueCode(issue: z.core.$ZodIssue): string {
  if (issue.code === 'custom' && typeof issue.params?.code === 'string') return issue.params.code;
  if (/^[a-z][a-z_]*$/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string' ? 'too_long' : 'too_big';
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) <= 1 ? 'required' : 'too_small';
    case 'invalid_type':
      // A missing field, or one of the wrong kind: forms send text, so either way it wants filling in.
      return issue.expected === 'date' ? 'invalid_date' : issue.expected === 'int' || issue.expected === 'number' ? 'invalid_number' : 'required';
    case 'invalid_format':
      return issue.format === 'email' ? 'invalid_email' : issue.format === 'url' ? 'invalid_url' : 'invalid';
    default:
      return 'invalid';
  }
}
