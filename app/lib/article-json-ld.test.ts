import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { loadSchemaOrg } from '../../tests/support/schema-org';
import { createContext } from '../../core/context';
import { getArticle } from '../../core/articles';
import { seedArticles, seedTopics } from '../../db/seed';
import { articleJsonLd } from './article-json-ld';
import { jsonLdScript } from './group-json-ld';

const NOW = new Date('2026-11-27T15:00:00Z');
const vocab = loadSchemaOrg();
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
  await seedTopics(t.db);
  await seedArticles(t.db, { now: NOW });
});
afterAll(async () => {
  await t.close();
});

describe('article JSON-LD', () => {
  it('is a schema.org Article with its dates, language, topics and translation, valid against the vocabulary', async () => {
    const a = await getArticle({ ctx: createContext(t.db, { now: NOW }), input: { locale: 'fr', slug: 'quand-la-therapie-de-groupe-est-la-bonne-etape' } });
    const doc = articleJsonLd(a, {
      page: 'https://cercle.example/fr/articles/quand-la-therapie-de-groupe-est-la-bonne-etape',
      translation: 'https://cercle.example/en/articles/when-group-therapy-is-the-right-step',
      site: 'https://cercle.example',
    });
    expect(vocab.check(doc)).toEqual([]);
    expect(doc).toMatchObject({
      '@type': 'Article',
      headline: 'Quand la thérapie de groupe est la bonne étape',
      inLanguage: 'fr-CA',
      datePublished: '2026-11-27T15:00:00Z',
      keywords: 'Santé mentale',
      workTranslation: { '@type': 'Article', inLanguage: 'en-CA', url: 'https://cercle.example/en/articles/when-group-therapy-is-the-right-step' },
    });
    // Written into the page, it cannot close its script element.
    expect(jsonLdScript({ ...doc, headline: '</script><script>alert(1)</script>' })).not.toContain('</script>');
  });

  it('a vocabulary check that fails on a wrong property (the checker is not blind)', () => {
    expect(vocab.check({ '@context': 'https://schema.org', '@type': 'Article', headline: 'x', startDate: '2026-01-01' }).length).toBeGreaterThan(0);
  });
});
