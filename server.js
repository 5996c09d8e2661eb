// Starts Cercle: validates the configuration, opens and migrates the database, seeds demo data on
// an empty one, then serves the app. `NODE_ENV=development` serves through Vite with hot reload.
import express from 'express';

import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dev = process.env.NODE_ENV === 'development';
const buildDir = path.resolve(process.env.BUILD_DIR ?? 'build');

async function main() {
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
    server.use('/assets', express.static(path.join(buildDir, 'client/assets'), { immutable: true, maxAge: '1y' }));
    server.use(express.static(path.join(buildDir, 'client'), { maxAge: '1h' }));
    server.use(mod.app);
  }
  let config;
  try {
    config = mod.readConfig();
    await mod.boot(config);
  } catch (err) {
    if (err && (err.name === 'ConfigError' || err.name === 'DataFolderLockedError')) {
      console.error(`Cercle cannot start. ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const listener = server.listen(config.PORT, config.HOST, () => {
    const { port } = listener.address();
    console.log(`Cercle is ready on http://localhost:${port}`);
  });
  const stop = async () => {
    listener.close();
    await mod.shutdown();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
