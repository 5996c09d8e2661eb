// Starts Cercle: validates the configuration, opens and migrates the database, seeds demo data on
// an empty one, then serves the app. `NODE_ENV=development` serves through Vite with hot reload.
//
// On PostgreSQL the first process can start others (node:cluster): `WEB_CONCURRENCY=N` app
// processes sharing the port, and with `WORKER=separate` one more that runs only the background
// worker, so sending email never delays a page. A process that dies after it was ready is replaced;
// one that dies while starting stops them all (it would fail again).
import cluster from 'node:cluster';
import os from 'node:os';
import express from 'express';
import compression from 'compression';
import staticGzip from 'express-static-gzip';

import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';

const dev = process.env.NODE_ENV === 'development';
// Unless told otherwise this is production: React, Express and the libraries below read this
// variable when they load, and their development builds are slower (and Express's would show
// error details to visitors).
// NODE_ENV=production given by whoever starts Cercle means a deployment, which must say where
// people reach it (PUBLIC_URL, server/config.ts); left unset, as by `npm start` on one's own
// computer, the production build runs locally. What was given is kept for the processes started
// after this one.
process.env.CERCLE_NODE_ENV_GIVEN ??= process.env.NODE_ENV ?? '';
process.env.NODE_ENV ||= 'production';
const buildDir = path.resolve(process.env.BUILD_DIR ?? 'build');
const role = process.env.CERCLE_ROLE ?? 'all'; // 'all', or in a cluster 'web' / 'worker'

function cannotStart(err) {
  if (err && (err.name === 'ConfigError' || err.name === 'DataFolderLockedError')) {
    console.error(`Cercle cannot start. ${err.message}`);
    process.exit(1);
  }
  throw err;
}

function supervise(config) {
  const web = { CERCLE_ROLE: 'web', ...(config.WORKER === 'separate' ? { WORKER: 'off' } : {}) };
  const roles = new Map(); // cluster worker id → env it was started with
  const ready = new Set();
  let stopping = false;
  let failed = false;
  const start = (env) => roles.set(cluster.fork(env).id, env);
  for (let i = 0; i < config.WEB_CONCURRENCY; i++) start(web);
  if (config.WORKER === 'separate') start({ CERCLE_ROLE: 'worker', WORKER: 'in-process' });
  cluster.on('message', (worker, message) => {
    if (message === 'cercle:ready') ready.add(worker.id);
  });
  const stopAll = () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(failed ? 1 : 0);
    for (const w of workers) w?.process.kill('SIGTERM');
  };
  cluster.on('exit', (worker, code, signal) => {
    const env = roles.get(worker.id);
    roles.delete(worker.id);
    if (!stopping && !ready.has(worker.id)) {
      failed = true;
      stopAll();
    }
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(failed ? 1 : 0);
      return;
    }
    console.error(`Cercle: process ${worker.process.pid} stopped (${signal ?? code}); starting another`);
    start(env);
  });
  process.on('SIGINT', stopAll);
  process.on('SIGTERM', stopAll);
}

async function main() {
  if (cluster.isPrimary && !dev) {
    const mod = await import(pathToFileURL(path.join(buildDir, 'server/index.js')).href);
    let config;
    try {
      config = mod.readConfig();
    } catch (err) {
      cannotStart(err);
    }
    if (config.WEB_CONCURRENCY > 1 || config.WORKER === 'separate') return supervise(config);
  }
  const server = express();
  server.disable('x-powered-by');
  let mod;
  if (dev) {
    const vite = await import('vite').then((v) => v.createServer({ server: { middlewareMode: true } }));
    server.use(vite.middlewares);
    mod = await vite.ssrLoadModule('./server/app.ts');
    server.use((req, res, next) => vite.ssrLoadModule('./server/app.ts').then((m) => m.app(req, res, next)).catch(next));
  } else {
    mod = await import(pathToFileURL(path.join(buildDir, 'server/index.js')).href);
    // Hashed assets were compressed at build time: send the .br or .gz file the browser accepts.
    const precompressed = (dir, serveStatic) =>
      staticGzip(path.join(buildDir, dir), { enableBrotli: true, orderPreference: ['br', 'gz'], index: false, serveStatic });
    server.use('/assets', precompressed('client/assets', { immutable: true, maxAge: '1y' }));
    server.use(precompressed('client', { maxAge: '1h' }));
    // Pages, data requests and the API are compressed as they are sent (brotli when accepted, at a
    // quick level: a page is made once per request). Live streams (Server-Sent Events) are not, so
    // that each event leaves at once.
    server.use(
      compression({
        brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
        filter: (req, res) => !String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream') && compression.filter(req, res),
      }),
    );
    server.use(mod.app);
  }
  let config;
  try {
    config = mod.readConfig();
    await mod.boot(config);
  } catch (err) {
    cannotStart(err);
  }
  let listener;
  const stop = async () => {
    listener?.close();
    await mod.shutdown();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (role === 'worker') {
    // Background work yields the CPU to processes serving people.
    try {
      os.setPriority(10);
    } catch {
      // not permitted here: run at normal priority
    }
    console.log('Cercle background worker is running');
    process.send?.('cercle:ready');
    return;
  }
  listener = server.listen(config.PORT, config.HOST, (err) => {
    // Express 5 hands listen errors (a port in use, say) to this callback.
    if (err) {
      console.error(`Cercle cannot start. ${err.code === 'EADDRINUSE' ? `Port ${config.PORT} is already in use.` : err.message}`);
      process.exit(1);
    }
    const { port } = listener.address();
    console.log(`Cercle is ready on http://localhost:${port}`);
    process.send?.('cercle:ready');
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
