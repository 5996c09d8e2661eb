import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(10),
  SEED_DEMO: bool.default(true),
  PUBLIC_URL: z.url().optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  /** Signs manage links; when unset, a key is generated once and kept in the database. */
  SECRET_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  /** The key SECRET_KEY replaces: links it signed keep working (until SECRET_KEY_PREVIOUS_UNTIL, if given). */
  SECRET_KEY_PREVIOUS: z.string().min(32, 'must be at least 32 characters').optional(),
  SECRET_KEY_PREVIOUS_UNTIL: z.coerce.date({ error: 'must be a date, such as 2027-01-31 or 2027-01-31T12:00:00Z' }).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Cercle <no-reply@cercle.local>'),
  /**
   * Where "Exit this page" (and Shift pressed three times) sends a person who must leave the site
   * at once: a neutral page. Unset: Environment Canada's weather page, in the page's language.
   */
  EXIT_URL: z
    .url()
    .regex(/^https?:\/\//, 'must be an http:// or https:// address')
    .optional(),
  /**
   * Where the background worker (emails, reminders, cohort decisions) runs: in each app process,
   * in a process of its own (PostgreSQL only), or nowhere.
   */
  WORKER: z
    .enum(['in-process', 'separate', 'off', 'true', 'false', '1', '0', 'yes', 'no'])
    .transform((v) => (['true', '1', 'yes'].includes(v) ? 'in-process' : ['false', '0', 'no'].includes(v) ? 'off' : v) as 'in-process' | 'separate' | 'off')
    .default('in-process'),
  WORKER_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(5000),
  /**
   * How long the worker holds a batch of emails it is sending: if its process dies mid-send, the
   * batch is sent by another (with the same Message-IDs) after this many seconds.
   */
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  /** How long a process keeps search facet counts (0 = computed on every request). */
  SEARCH_FACET_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  /**
   * Where searches run: over an in-process copy of the search rows that every app process keeps
   * current through database notifications (default), or in the database on every search.
   */
  SEARCH_INDEX: z.enum(['memory', 'database']).default('memory'),
  /**
   * Which proxies in front of the app to believe about the client's address (X-Forwarded-For), as
   * Express reads it: `false` (none: the socket's address), a number of hops, or addresses and
   * subnets (`loopback`, `10.0.0.0/8`, …, comma-separated). Rate limits count per client address.
   * `true` (believe any header) is refused: a client could then choose its own address.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .refine((v) => v !== 'true', 'true would let any client choose its address: give the number of proxies, or their addresses')
    .regex(/^(false|\d+|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/, 'must be false, a number of hops, or addresses and subnets')
    .transform((v): false | number | string => (v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v))
    .default(false),
  /** Per-address limits on sign-ups, cancellations and reports (off only to load-test from one machine). */
  RATE_LIMITS: bool.default(true),
  /** App processes sharing the port (node:cluster); more than one needs PostgreSQL. */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
});

export type Config = z.output<typeof schema> & { publicUrl: string };

/** Reads and validates the environment once. A bad value stops start-up with a message naming it. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = result.data;
  if (!c.DATABASE_URL && (c.WEB_CONCURRENCY > 1 || c.WORKER === 'separate')) {
    const name = c.WEB_CONCURRENCY > 1 ? 'WEB_CONCURRENCY' : 'WORKER';
    throw new ConfigError(`Invalid configuration:\n  ${name}: the embedded database serves one process; set DATABASE_URL to run several`);
  }
  if (c.SECRET_KEY_PREVIOUS && !c.SECRET_KEY) {
    throw new ConfigError('Invalid configuration:\n  SECRET_KEY_PREVIOUS: set SECRET_KEY to the new key as well (the previous one only verifies old links)');
  }
  // A deployment (NODE_ENV=production given, not defaulted by server.js) must say where people
  // reach it: cookies are Secure only over HTTPS, and emails, calendars and JSON-LD carry its links.
  if ((env.CERCLE_NODE_ENV_GIVEN ?? env.NODE_ENV) === 'production' && !c.PUBLIC_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  PUBLIC_URL: required when NODE_ENV=production: the address people reach Cercle at, such as https://cercle.example.org (it makes cookies Secure and the links in emails, calendars and pages right)',
    );
  }
  return { ...c, publicUrl: c.PUBLIC_URL ?? `http://localhost:${c.PORT}` };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}
