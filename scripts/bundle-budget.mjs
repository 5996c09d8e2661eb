// The JavaScript a page of Cercle makes the browser load, gzipped, checked against a budget after
// every build: `node scripts/bundle-budget.mjs [build dir]` (run by `npm run build`). It follows,
// from React Router's manifest, the entry and the modules of the page's routes through their
// imports; of the catalogs loaded on demand it counts the page's language only. It fails when a
// page goes over its budget or loads code that only the server needs.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const assetsOf = (buildDir) => path.join(buildDir, 'client', 'assets');

/**
 * Budgets in kilobytes (1,000 bytes) of gzipped JavaScript, by page. React, React DOM, React Router,
 * i18next and react-i18next alone weigh about 131 kB (docs/benchmarks.md); the rest is the page's
 * own code, the words any page may use in its language, and the words of its areas.
 */
export const BUDGETS = [
  { page: 'search', routes: ['root', 'en:groups'], locale: 'en', kb: 150 },
  { page: 'search', routes: ['root', 'fr:groups'], locale: 'fr', kb: 151 },
  { page: 'group', routes: ['root', 'en:group'], locale: 'en', kb: 157 },
  { page: 'home', routes: ['root', 'fr:home'], locale: 'fr', kb: 148 },
];

/** Text that shows server-only code in a browser file. */
const SERVER_ONLY = [
  { what: 'zod', marker: 'ZodError' },
  { what: 'drizzle', marker: 'drizzle:entityKind' },
  { what: 'the Accept-Language negotiator', marker: 'accept-language' },
  { what: 'the email catalog', marker: 'account_verify' },
  // The style sheet is written into the page by the server, never carried by the JavaScript.
  { what: 'the style sheet', marker: '.with-sidebar' },
];

export function readManifest(assets) {
  const file = fs.readdirSync(assets).find((f) => /^manifest-[\w-]+\.js$/.test(f));
  if (!file) throw new Error(`No React Router manifest in ${assets}: build first.`);
  const text = fs.readFileSync(path.join(assets, file), 'utf8');
  return JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1));
}

const imports = (code) => ({
  fixed: [...code.matchAll(/(?:from|import)\s*"\.\/([\w.-]+\.js)"/g)].map((m) => m[1]),
  onDemand: [...code.matchAll(/import\(\s*"\.\/([\w.-]+\.js)"\s*\)/g)].map((m) => m[1]),
});

/** Every JavaScript file a page loads, from the files its routes name. */
export function pageFiles(assets, manifest, routes, locale) {
  const start = [manifest.entry.module, ...manifest.entry.imports];
  for (const id of routes) {
    const route = manifest.routes[id];
    if (!route) throw new Error(`No route ${id} in the manifest`);
    start.push(route.module, ...(route.imports ?? []));
  }
  const seen = new Set();
  const queue = start.map((p) => path.basename(p));
  while (queue.length > 0) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const { fixed, onDemand } = imports(fs.readFileSync(path.join(assets, file), 'utf8'));
    queue.push(...fixed);
    // Loaded on demand: a catalog only in the page's language; anything else counts.
    queue.push(...onDemand.filter((f) => !/^(en|fr)-[\w-]+\.js$/.test(f) || f.startsWith(`${locale}-`)));
  }
  return [...seen];
}

/** Each budgeted page's files, sizes and any server-only code it loads, from a build folder. */
export function measure(buildDir, budgets = BUDGETS) {
  const assets = assetsOf(buildDir);
  const manifest = readManifest(assets);
  return budgets.map((b) => {
    const files = pageFiles(assets, manifest, b.routes, b.locale).map((file) => {
      const code = fs.readFileSync(path.join(assets, file));
      return { file, bytes: code.length, gzip: zlib.gzipSync(code, { level: 9 }).length, code: code.toString('utf8') };
    });
    const gzip = files.reduce((n, f) => n + f.gzip, 0);
    const serverOnly = SERVER_ONLY.filter((s) => files.some((f) => f.code.includes(s.marker))).map((s) => s.what);
    return { ...b, files, gzip, bytes: files.reduce((n, f) => n + f.bytes, 0), serverOnly };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = measure(path.resolve(process.argv[2] ?? process.env.BUILD_DIR ?? 'build'));
  let failed = false;
  for (const r of results) {
    const over = r.gzip > r.kb * 1000;
    failed ||= over || r.serverOnly.length > 0;
    console.log(
      `${over ? '✗' : '✓'} ${r.page} (${r.routes.at(-1)}): ${(r.gzip / 1000).toFixed(1)} kB gzipped of JavaScript (${(r.bytes / 1000).toFixed(0)} kB), budget ${r.kb} kB`,
    );
    if (process.env.BUDGET_VERBOSE) for (const f of r.files.sort((a, b) => b.gzip - a.gzip)) console.log(`    ${(f.gzip / 1000).toFixed(1).padStart(6)} kB  ${f.file}`);
    if (r.serverOnly.length > 0) console.log(`  ✗ loads server-only code: ${r.serverOnly.join(', ')}`);
  }
  if (failed) {
    console.error('The JavaScript budget is exceeded (see above).');
    process.exit(1);
  }
}
