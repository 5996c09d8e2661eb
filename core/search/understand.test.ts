import { describe, expect, it } from 'vitest';
import { TOPIC_SLUGS } from '../../db/seed/topics';
import { GROUP_KINDS } from '../../db/schema/enums';
import en from '../../i18n/locales/en';
import fr from '../../i18n/locales/fr';
import { LEXICONS, sameWord, understand, wordsOf, isStopWord } from './understand';

const read = (q: string, locale: 'en' | 'fr' = 'en') => {
  const u = understand(q, locale);
  return { about: u.concepts.map((c) => [...c.topics, ...c.kinds].join('+')).sort(), rest: u.rest.map((i) => u.words[i]), crisis: u.crisis };
};

describe('the lexicon files', () => {
  for (const [language, lexicon] of Object.entries(LEXICONS)) {
    it(`${language}: every entry points to an existing topic or kind, and every class it names exists`, () => {
      expect(lexicon.language).toBe(language);
      for (const entry of lexicon.entries) {
        const targets = [...(entry.topics ?? []), ...(entry.kinds ?? [])];
        expect(targets.length, JSON.stringify(entry.phrases.slice(0, 2))).toBeGreaterThan(0);
        for (const topic of entry.topics ?? []) expect(TOPIC_SLUGS, topic).toContain(topic);
        for (const kind of entry.kinds ?? []) expect(GROUP_KINDS, kind).toContain(kind);
        if (entry.with) expect(Object.keys(lexicon.classes), entry.with).toContain(entry.with);
        for (const topic of entry.over ?? []) expect(TOPIC_SLUGS, topic).toContain(topic);
        for (const phrase of entry.phrases) expect(wordsOf(phrase).length, `"${phrase}"`).toBeGreaterThan(0);
      }
    });
    it(`${language}: every topic of the taxonomy and every kind of group can be reached from everyday words`, () => {
      const reached = new Set(lexicon.entries.flatMap((e) => [...(e.topics ?? []), ...(e.kinds ?? [])]));
      for (const target of [...TOPIC_SLUGS, ...GROUP_KINDS]) expect([...reached], target).toContain(target);
    });
  }
});

describe('reading a query', () => {
  it('maps relationships and events to the topic they mean, in English and French', () => {
    expect(read('lost my husband')).toEqual({ about: ['grief-loss-of-a-partner'], rest: [], crisis: false });
    expect(read('my baby died').about).toEqual(['grief-pregnancy-and-infant-loss']);
    expect(read('drinking problem').about).toEqual(['addiction-alcohol']);
    expect(read("J'ai perdu mon mari", 'fr').about).toEqual(['grief-loss-of-a-partner']);
    expect(read('fausse couche', 'fr').about).toEqual(['grief-pregnancy-and-infant-loss']);
    expect(read("mon frère s'est enlevé la vie", 'fr').about).toEqual(['grief-suicide-loss']);
    expect(read('SSPT', 'fr').about).toEqual(['mental-health-trauma']);
  });

  it('prefers the longer reading, and drops a topic whose sub-topic was read', () => {
    // "dad" with a word of loss, not "died" alone (grief) as well.
    expect(read('my dad died').about).toEqual(['grief-loss-of-a-parent']);
    // A word of a class serves two readings ("drinks": alcohol, and with "husband", families and
    // friends), and the one that says who the person is to it wins.
    expect(read('my husband drinks too much').about).toEqual(['addiction-families-and-friends']);
    expect(read('I drink too much').about).toEqual(['addiction-alcohol']);
    // The cause of a death, and who the person is to an addiction, say more than the relationship or the substance.
    expect(read('my dad killed himself').about).toEqual(['grief-suicide-loss']);
    expect(read('lost my brother to fentanyl').about).toEqual(['grief-loss-through-substance-use']);
    expect(read('lost my child to cancer').about).toEqual(['grief-loss-of-a-child']);
    expect(read('ma mère est alcoolique', 'fr').about).toEqual(['addiction-families-and-friends']);
    // The word as typed before a typo: "manic" is not "panic".
    expect(read('manic episodes').about).toEqual(['mental-health-bipolar']);
    // "husband" alone says nothing of what happened.
    expect(read('husband')).toEqual({ about: [], rest: ['husband'], crisis: false });
  });

  it('maps the kind of help asked for to kinds of group', () => {
    expect(read('talk to a therapist about anxiety').about).toEqual(['group_therapy', 'mental-health-anxiety']);
    expect(read('psychologue', 'fr').about).toEqual(['group_therapy']);
    expect(read("I don't want to talk, just listen").about).toContain('workshop');
  });

  it('tolerates typos and plurals, but not in short words', () => {
    expect(read('husbnd passed away').about).toEqual(['grief-loss-of-a-partner']);
    expect(read('alzheimers').about).toEqual(['health-conditions-dementia']);
    expect(sameWord('wife', 'life')).toBe(false);
    expect(sameWord('widows', 'widow')).toBe(true);
  });

  it('keeps the words it did not read, without stop words of either language', () => {
    expect(read('the grief of a greif group')).toMatchObject({ about: ['grief'], rest: ['greif'] });
    expect(read('le groupe de chant', 'fr').about).toEqual(['workshop']);
    expect(isStopWord('the') && isStopWord('les') && isStopWord('my') && !isStopWord('mari')).toBe(true);
  });

  it('hears a crisis in both languages, and not in someone else’s death', () => {
    expect(read('I want to die').crisis).toBe(true);
    expect(read('i dont want to live anymore').crisis).toBe(true);
    expect(read('je veux mourir', 'fr').crisis).toBe(true);
    expect(read("j'ai envie d'en finir", 'fr').crisis).toBe(true);
    expect(read('my brother killed himself').crisis).toBe(false);
    expect(read('finir le programme', 'fr').crisis).toBe(false);
    expect(read('took his own life').crisis).toBe(false);
  });

  it('reads every example the search boxes give as a topic', () => {
    for (const [locale, catalog] of [['en', en], ['fr', fr]] as const) {
      const examples = catalog.home.searchPlaceholder.replace(/^(e\.g\.|p\. ex\.)\s*/, '').split(',');
      expect(examples.length).toBeGreaterThan(1);
      for (const example of examples) expect(read(example, locale).about.length, example).toBeGreaterThan(0);
    }
  });
});
