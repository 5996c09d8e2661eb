import { describe, expect, it } from 'vitest';
import { getT } from '../../i18n';
import { groupSearchQuery } from './group-query';
import { parseQuery } from './query.server';

describe('parseQuery', () => {
  it('says in the reader’s language what is wrong with a parameter, never in zod’s English', () => {
    const url = new URL('http://cercle.test/fr/groupes?topic=Not%20a%20slug!&page=deux&colour=blue');
    const parsed = parseQuery(groupSearchQuery, url, getT('fr'));
    expect(parsed.ok).toBe(false);
    const issues = parsed.ok ? [] : parsed.issues;
    expect(issues).toEqual(
      expect.arrayContaining([
        { param: 'topic', message: 'Le paramètre « topic » n’est pas valide : sa forme n’est pas celle attendue' },
        { param: 'colour', message: expect.stringContaining('ce paramètre n’est pas reconnu') },
      ]),
    );
    expect(issues.find((i) => i.param === 'page')?.message).toMatch(/nombre entier/);
  });
});
