import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { catalogs, getT, negotiateLocale, MissingTranslationError } from './index';
import { AREA_WORDS } from './locales/areas';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`),
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('catalogs', () => {
  it('English and French have exactly the same keys, none empty', () => {
    const en = keys(catalogs.en).sort();
    const fr = keys(catalogs.fr).sort();
    expect(fr).toEqual(en);
    for (const locale of ['en', 'fr'] as const) {
      const t = getT(locale);
      for (const key of en) expect(t(key as never), `${locale}:${key}`).not.toBe('');
    }
  });

  it('every literal key used in the app exists in the catalog', () => {
    const all = new Set(keys(catalogs.en).map((k) => k.replace(/_(one|other)$/, '')));
    const used = new Set<string>();
    for (const file of sourceFiles(path.resolve('app'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+\.[a-zA-Z_.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(30);
    const missing = [...used].filter((k) => !all.has(k));
    expect(missing).toEqual([]);
  });

  it('every browser module that names the words of an area loads them (i18n/areas/)', () => {
    // In the browser an area's words come with the modules that import its i18n/areas/ module; a
    // module that names a key of an area without importing it would throw once hydrated.
    const names = Object.keys(AREA_WORDS.en);
    const keyOf = new RegExp(`['"\`](${names.join('|')})\\.[a-zA-Z_$]`, 'g');
    const lacking: string[] = [];
    let checked = 0;
    for (const file of sourceFiles(path.resolve('app')).filter((f) => !/\.server\.tsx?$/.test(f))) {
      const text = readFileSync(file, 'utf8');
      const used = new Set([...text.matchAll(keyOf)].map((m) => m[1]!));
      checked += used.size;
      for (const area of used) {
        if (!new RegExp(`import '(\\.\\./)+i18n/areas/${area}';`).test(text)) lacking.push(`${path.relative('app', file)}: ${area}`);
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(lacking).toEqual([]);
  });

  it('an area registered in the browser adds its words to instances made before and after', async () => {
    // As in the browser: a registry with the page's catalog only, then the areas of its modules.
    vi.resetModules();
    const browser = await import('./instances');
    await browser.loadCatalog('fr');
    browser.registerArea('guide', { en: AREA_WORDS.en.guide, fr: AREA_WORDS.fr.guide });
    const fr = browser.getI18n('fr');
    expect(fr.t('guide.start')).toBe(AREA_WORDS.fr.guide.start);
    expect(fr.t('nav.home')).toBe('Accueil');
    expect(() => fr.t('running.csv.status')).toThrow(browser.MissingTranslationError);
    browser.registerArea('running', { en: AREA_WORDS.en.running, fr: AREA_WORDS.fr.running });
    expect(fr.t('running.csv.status')).toBe(AREA_WORDS.fr.running.csv.status);
  });

  it('a missing key throws instead of showing the key', () => {
    expect(() => getT('fr')('nope.missing' as never)).toThrow(MissingTranslationError);
  });

  it('plurals follow each language', () => {
    expect(getT('en')('groups.count', { count: 1 })).toBe('1 group');
    expect(getT('en')('groups.count', { count: 0 })).toBe('0 groups');
    // French uses the singular for 0 and 1.
    expect(getT('fr')('groups.count', { count: 0 })).toBe('0 groupe');
    expect(getT('fr')('groups.count', { count: 2 })).toBe('2 groupes');
  });

  it('negotiates the locale from Accept-Language', () => {
    expect(negotiateLocale('fr-CA,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(negotiateLocale('en-US,fr;q=0.5')).toBe('en');
    expect(negotiateLocale('de-DE,fr;q=0.3')).toBe('fr');
    expect(negotiateLocale('de-DE')).toBe('en');
    expect(negotiateLocale(null)).toBe('en');
  });
});
