import { reactRouter } from '@react-router/dev/vite';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import type { Plugin } from 'vite';

const zodForBrowser = new URL('./app/lib/zod-browser.ts', import.meta.url).pathname;

/** In the browser, every import of zod goes through app/lib/zod-browser.ts, which keeps it from `eval`. */
function zodWithoutEval(): Plugin {
  return {
    name: 'cercle:zod-without-eval',
    enforce: 'pre',
    resolveId(source, importer, options) {
      if (source !== 'zod' || options?.ssr || importer === zodForBrowser) return null;
      return zodForBrowser;
    },
  };
}

export default defineConfig(({ isSsrBuild }) => ({
  // The server bundle's entry is our Express app, so the app, its database handle and the route
  // modules share one module graph (one database connection per process).
  build: isSsrBuild ? { rollupOptions: { input: './server/app.ts' } } : undefined,
  // The browser's files are compressed once, at build time (brotli at its best level, and gzip for
  // the clients without brotli); the server sends the smaller one the browser accepts.
  plugins: [
    zodWithoutEval(),
    reactRouter(),
    ...(isSsrBuild
      ? []
      : [compression({ include: /\.(js|css|svg|json)$/, threshold: 512, algorithms: [defineAlgorithm('brotliCompress'), defineAlgorithm('gzip', { level: 9 })], logLevel: 'silent' })]),
  ],
  resolve: { alias: { '~': new URL('./app', import.meta.url).pathname } },
  // PGlite ships its own WASM and data files: load it from node_modules, do not bundle it.
  ssr: { external: ['@electric-sql/pglite', 'pg', 'proper-lockfile'] },
  optimizeDeps: { exclude: ['@electric-sql/pglite'] },
}));
