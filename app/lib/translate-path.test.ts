import { describe, expect, it } from 'vitest';
import { PAGES, type Page } from './paths';
import { matchPage, translatePath, translateSearch } from './translate-path';

describe('translating a path of the site into the other language', () => {
  it('gives the same page with the same parameters, kept encoded', () => {
    expect(translatePath('/en/organize', 'fr')).toBe('/fr/organiser');
    expect(translatePath('/fr/organiser/mon-org/groupes/nouveau', 'en')).toBe('/en/organize/mon-org/groups/new');
    expect(translatePath('/en/organize/org-1/groups/0b9c/schedule', 'fr')).toBe('/fr/organiser/org-1/groupes/0b9c/horaire');
    expect(translatePath('/en/groups/caf%C3%A9-ensemble', 'fr')).toBe('/fr/groupes/caf%C3%A9-ensemble');
    expect(translatePath('/en', 'fr')).toBe('/fr');
  });

  it('prefers a fixed segment to a parameter (groups/new is not the group "new")', () => {
    expect(matchPage('/en/organize/o/groups/new', 'en')).toEqual({ page: 'orgGroupNew', params: { org: 'o' } });
    expect(matchPage('/en/organize/o/groups/g1', 'en')).toEqual({ page: 'orgGroupEdit', params: { org: 'o', group: 'g1' } });
  });

  it('finds every page of the table from its own path, in both languages', () => {
    for (const page of Object.keys(PAGES) as Page[]) {
      for (const locale of ['en', 'fr'] as const) {
        const path = PAGES[page][locale].replace(/:(\w+)/g, (_, name: string) => `x-${name}`);
        expect(matchPage(path, locale)?.page, path).toBe(page);
      }
    }
  });

  it('keeps the query and fragment, and translates paths carried inside them', () => {
    expect(translatePath('/en/organize/o/groups/g?done=saved#f-titleEn', 'fr')).toBe('/fr/organiser/o/groupes/g?done=saved#f-titleEn');
    expect(translatePath('/en/account/sign-in?next=%2Fen%2Forganize%2Fo%2Fdashboard', 'fr')).toBe(
      '/fr/compte/connexion?next=%2Ffr%2Forganiser%2Fo%2Ftableau-de-bord',
    );
  });

  it('leaves other sites, unknown paths and paths already in the language alone', () => {
    expect(translatePath('https://example.org/en/organize', 'fr')).toBe('https://example.org/en/organize');
    expect(translatePath('//example.org/en/organize', 'fr')).toBe('//example.org/en/organize');
    expect(translatePath('/en/no-such-page/here', 'fr')).toBe('/en/no-such-page/here');
    expect(translatePath('/fr/organiser', 'fr')).toBe('/fr/organiser');
    expect(translatePath('/english', 'fr')).toBe('/english');
  });
});

describe('translating a query string', () => {
  it('translates every value that is a path of the site and keeps the rest as written', () => {
    expect(translateSearch('?next=/en/organize&q=grief', 'fr')).toBe('?next=%2Ffr%2Forganiser&q=grief');
    expect(translateSearch('?back=%2Ffr%2Fgroupes&next=%2Ffr%2Forganiser', 'en')).toBe('?back=%2Fen%2Fgroups&next=%2Fen%2Forganize');
    expect(translateSearch('?q=caf%C3%A9+du+deuil&page=2', 'fr')).toBe('?q=caf%C3%A9+du+deuil&page=2');
    expect(translateSearch('', 'fr')).toBe('');
  });
});
