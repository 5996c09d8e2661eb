import { reactRouter } from '@react-router/dev/vite';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

export default defineConfig(({ isSsrBuild }) => ({
  // The server bundle's entry is our Express app, so the app, its database handle and the route
  // modules share one module graph (one database connection per process).
  build: isSsrBuild ? { rollupOptions: { input: './server/app.ts' } } : undefined,
  // The browser's files are compressed once, at build time (brotli at its best level, and gzip for
  // the clients without brotli); the server sends the smaller one the browser accepts.
  plugins: [
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
