import express from 'express';
import { createRequestHandler } from '@react-router/express';
import type { ServerBuild } from 'react-router';
// Imported once: handed a function, React Router would rebuild its route tables on every request.
import * as serverBuild from 'virtual:react-router/server-build';
import { registerCatalogs } from '../i18n';
import { openPglite, openPostgres, migrateDatabase, type DatabaseHandle } from '../db/client';
import { seedArticles, seedIfEmpty } from '../db/seed';
import { ensureGroupSearch } from '../core/search/refresh-group-search';
import { setSearchCacheSeconds } from '../core/search/search-cache';
import { attachSearchIndex, detachSearchIndex } from '../core/search/search-index';
import type { Config } from './config';
import path from 'node:path';
import { createContext, type Settings } from '../core/context';
import { requestContext } from '../app/lib/context.server';
import { loadSigningKey } from '../core/participants/manage-link';
import { startWorker, type Worker } from './worker';
import { createSender } from './email/transport';
import { createAuth, AUTH_BASE_PATH, type Auth } from './auth';
import { toNodeHandler } from 'better-auth/node';
import { participantApi } from './participant-api';
import { groupSearchAnswer } from '../app/lib/group-search-api.server';
import { PROBLEM_TYPE } from '../app/lib/problem.server';
import { diskStore, type FileStore } from '../core/files/store';
import { closeLiveHub } from '../core/communities/live';
import { bodyLimits } from './body-limits';
import { securityHeaders } from './security-headers';
import type { RequestHandler } from 'express';

declare module 'react-router' {
  interface AppLoadContext {
    handle: DatabaseHandle;
    config: Config;
    settings: Settings;
    auth: Auth;
    /** The address the request came from (the socket's, or a trusted proxy's report: TRUST_PROXY; used for rate limits). */
    clientIp: string;
    /** Where uploaded files (community images) are kept: DATA_DIR/files. */
    files: FileStore;
    /** This response's nonce for inline scripts (server/security-headers.ts). */
    cspNonce: string;
  }
}

let state:
  | { handle: DatabaseHandle; config: Config; settings: Settings; auth: Auth; files: FileStore; headers: RequestHandler; worker?: Worker }
  | undefined;

/**
 * Opens the database (locking the embedded folder), applies migrations and, on an empty
 * database, the demo data. Called once per process before the server listens.
 */
export async function boot(config: Config, log: (line: string) => void = console.log): Promise<DatabaseHandle> {
  const handle = config.DATABASE_URL
    ? await openPostgres(config.DATABASE_URL, { max: config.DATABASE_POOL_SIZE })
    : await openPglite(path.join(config.DATA_DIR));
  log(
    handle.engine === 'postgres'
      ? 'Database: PostgreSQL (DATABASE_URL)'
      : `Database: embedded PGlite in ${path.resolve(config.DATA_DIR)}`,
  );
  await migrateDatabase(handle);
  setSearchCacheSeconds(config.SEARCH_FACET_CACHE_SECONDS);
  if (config.SEED_DEMO) {
    const seeded = await handle.withMigrationLock((db) => seedIfEmpty(db, { now: new Date() }));
    if (seeded) log('Demo data: seeded an empty database');
  }
  // The guides Cercle ships with are the product's, not demo data: a database without them gets them.
  const guides = await handle.withMigrationLock((db) => seedArticles(db, { now: new Date() }));
  if (guides) log(`Articles: added ${guides} guides`);
  if (await handle.withMigrationLock((db) => ensureGroupSearch(db, new Date()))) log('Search: indexed the existing groups');
  // A process that only runs the worker never searches.
  if (config.SEARCH_INDEX === 'memory' && process.env.CERCLE_ROLE !== 'worker') {
    const started = Date.now();
    const index = await attachSearchIndex(handle.db);
    log(`Search: ${index.size.toLocaleString('en')} groups held in memory (loaded in ${Date.now() - started} ms)`);
  }
  const settings: Settings = {
    publicUrl: config.publicUrl,
    signingKey: await loadSigningKey(handle.db, config.SECRET_KEY),
    ...(config.SECRET_KEY_PREVIOUS
      ? { previousSigningKey: { key: config.SECRET_KEY_PREVIOUS, ...(config.SECRET_KEY_PREVIOUS_UNTIL ? { until: config.SECRET_KEY_PREVIOUS_UNTIL } : {}) } }
      : {}),
  };
  const worker = config.WORKER === 'in-process'
    ? startWorker({
        context: () => createContext(handle.db, { now: new Date(), settings, actor: { type: 'system' } }),
        send: createSender({
          smtpUrl: config.SMTP_URL,
          mailDir: path.join(config.DATA_DIR, 'mail'),
          from: config.MAIL_FROM,
          settings,
        }),
        intervalMs: config.WORKER_INTERVAL_MS,
        leaseMs: config.OUTBOX_LEASE_SECONDS * 1000,
      })
    : undefined;
  // Whom to believe about the client's address (req.ip): rate limits count per client address.
  app.set('trust proxy', config.TRUST_PROXY);
  state = {
    handle,
    config,
    settings,
    auth: createAuth(handle.db, settings),
    files: diskStore(path.join(config.DATA_DIR, 'files')),
    headers: securityHeaders({ https: config.publicUrl.startsWith('https:'), development: process.env.NODE_ENV === 'development' }),
    worker,
  };
  log(`Email: ${config.SMTP_URL ? 'sent through SMTP_URL' : `written as .eml files to ${path.resolve(config.DATA_DIR, 'mail')}`}`);
  return handle;
}

export async function shutdown(): Promise<void> {
  const s = state;
  state = undefined;
  await s?.worker?.stop();
  if (s) await detachSearchIndex(s.handle.db);
  if (s) await closeLiveHub(s.handle.db);
  await s?.handle.close();
}

// Pages are rendered in either language: both catalogs are there from the start.
registerCatalogs();

export const app = express();
app.disable('x-powered-by');
// Security headers on every answer, then bodies larger than the route takes refused before
// anything reads them.
app.use((req, res, next) => (state ? state.headers(req, res, next) : next(new Error('boot() has not run'))));
app.use(bodyLimits());
// The authentication library's own endpoints (links in its emails land here). The client address
// it rate-limits by is the one Express trusts (TRUST_PROXY), whatever a client claims otherwise.
app.all(`${AUTH_BASE_PATH}/*splat`, (req, res, next) => {
  if (!state) return next(new Error('boot() has not run'));
  req.headers['x-forwarded-for'] = req.ip ?? req.socket.remoteAddress ?? '';
  void toNodeHandler(state.auth)(req, res).catch(next);
});
app.use(
  participantApi(() => {
    if (!state) throw new Error('boot() has not run');
    return { db: state.handle.db, settings: state.settings, rateLimits: state.config.RATE_LIMITS };
  }),
);
// The group search API, the busiest read: served here without the page framework's request and
// response objects (app/lib/group-search-api.server.ts; its route gives the same answer).
app.get('/api/v1/groups', (req, res, next) => {
  if (!state) return next(new Error('boot() has not run'));
  const { handle, settings, config } = state;
  const edge = { db: handle.db, settings, rateLimits: config.RATE_LIMITS, ip: req.ip };
  groupSearchAnswer(new URL(req.originalUrl, config.publicUrl), req.get('accept-language') ?? null, (locale) => requestContext(edge, locale)).then((a) => {
    res.status(a.status).type(a.problem ? PROBLEM_TYPE : 'application/json').send(JSON.stringify(a.body));
  }, next);
});
app.use(
  createRequestHandler({
    build: serverBuild as unknown as ServerBuild,
    getLoadContext(req, res) {
      if (!state) throw new Error('boot() has not run');
      return { ...state, clientIp: req.ip ?? req.socket.remoteAddress ?? '', cspNonce: res.locals.cspNonce };
    },
  }),
);
export { readConfig } from './config';
