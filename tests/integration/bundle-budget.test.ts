import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain script of the build, without types
import { measure } from '../../scripts/bundle-budget.mjs';

type Measured = { files: { file: string }[]; gzip: number; serverOnly: string[] };

// A small client build written by hand: what the budget check follows and what it refuses.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cercle-budget-'));
const assets = path.join(dir, 'client', 'assets');
fs.mkdirSync(assets, { recursive: true });
const write = (name: string, code: string) => fs.writeFileSync(path.join(assets, name), code);
const manifest = {
  entry: { module: '/assets/entry-a.js', imports: ['/assets/react-b.js'] },
  routes: {
    root: { module: '/assets/root-c.js', imports: [] },
    'en:groups': { module: '/assets/groups-d.js', imports: ['/assets/react-b.js'] },
    'en:admin': { module: '/assets/admin-e.js', imports: [] },
  },
};
write('manifest-1234abcd.js', `window.__reactRouterManifest=${JSON.stringify(manifest)};`);
write('entry-a.js', 'import"./react-b.js";const c=l=>l==="fr"?import("./fr-f.js"):import("./en-g.js");');
write('react-b.js', 'export const r=1;'.repeat(50));
write('root-c.js', 'import{r}from"./react-b.js";import"./shared-h.js";');
write('groups-d.js', 'export default 1;');
write('shared-h.js', 'export const s=2;');
write('en-g.js', 'export default{site:{name:"Cercle"}};');
write('fr-f.js', 'export default{site:{name:"Cercle, en français"}};');
write('admin-e.js', 'class ZodError extends Error{}');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the JavaScript budget of a page', () => {
  it("follows the page's routes through their imports, and loads the catalog of its language only", () => {
    const [en, fr] = measure(dir, [
      { page: 'search', routes: ['root', 'en:groups'], locale: 'en', kb: 1 },
      { page: 'search', routes: ['root', 'en:groups'], locale: 'fr', kb: 1 },
    ]) as Measured[];
    expect(en!.files.map((f) => f.file).sort()).toEqual(['en-g.js', 'entry-a.js', 'groups-d.js', 'react-b.js', 'root-c.js', 'shared-h.js']);
    expect(fr!.files.map((f) => f.file)).toContain('fr-f.js');
    expect(fr!.files.map((f) => f.file)).not.toContain('en-g.js');
    expect(en!.gzip).toBeGreaterThan(0);
    expect(en!.serverOnly).toEqual([]);
  });

  it('names the server-only code a page loads', () => {
    const [admin] = measure(dir, [{ page: 'admin', routes: ['root', 'en:admin'], locale: 'en', kb: 1 }]) as Measured[];
    expect(admin!.serverOnly).toEqual(['zod']);
  });

  it('refuses a route the manifest does not have', () => {
    expect(() => measure(dir, [{ page: 'x', routes: ['en:nowhere'], locale: 'en', kb: 1 }])).toThrow(/No route en:nowhere/);
  });
});
