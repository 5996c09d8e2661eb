import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogs, getT, negotiateLocale, MissingTranslationError } from './index';

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
