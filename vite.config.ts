import { reactRouter } from '@react-router/dev/vite';
import { defineConfig } from 'vite';

export default defineConfig(({ isSsrBuild }) => ({
  // The server bundle's entry is our Express app, so the app, its database handle and the route
  // modules share one module graph (one database connection per process).
  build: isSsrBuild ? { rollupOptions: { input: './server/app.ts' } } : undefined,
  plugins: [reactRouter()],
  resolve: { alias: { '~': new URL('./app', import.meta.url).pathname } },
  // PGlite ships its own WASM and data files: load it from node_modules, do not bundle it.
  ssr: { external: ['@electric-sql/pglite', 'pg', 'proper-lockfile'] },
  optimizeDeps: { exclude: ['@electric-sql/pglite'] },
}));
