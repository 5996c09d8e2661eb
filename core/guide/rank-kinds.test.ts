import { readOwnWords } from '../search/understand';
import { describe, expect, it } from 'vitest';
import { GUIDE_OPTION_IDS, rankKinds, type GuideAnswers, type GuideOptionId } from './index';

const top = (answers: GuideAnswers, n: number) => rankKinds(answers).options.slice(0, n).map((o) => o.id);
const option = (answers: GuideAnswers, id: GuideOptionId) => rankKinds(answers).options.find((o) => o.id === id)!;

// One test per row of the table in SPEC §2 ("the person says → leans toward → because").
describe('rankKinds: the rows of the SPEC table', () => {
  it('not ready to talk in front of people → workshop, online community (activity first; read without posting)', () => {
    const answers: GuideAnswers = { talk: 'not_ready' };
    expect(top(answers, 2).sort()).toEqual(['online_community', 'workshop']);
    expect(option(answers, 'workshop').reasons).toContain('activity_first');
    expect(option(answers, 'online_community').reasons).toContain('read_without_posting');
    expect(option(answers, 'group_therapy').cautions).toContain('talking_expected');
    expect(rankKinds(answers).options.at(-1)?.id).toBe('group_therapy');
  });

  it('wants structure and progress week by week → closed group, group therapy (modules; same members)', () => {
    const answers: GuideAnswers = { structure: 'structured' };
    expect(top(answers, 2)).toEqual(['closed_group', 'group_therapy']);
    for (const id of ['closed_group', 'group_therapy'] as const) {
      expect(option(answers, id).reasons).toEqual(['planned_modules', 'same_members']);
    }
  });

  it('wants treatment from a professional / has insurance → group therapy (licensed therapist, plan, receipts)', () => {
    const treatment = rankKinds({ treatment: 'treatment' }).options[0]!;
    expect(treatment.id).toBe('group_therapy');
    expect(treatment.reasons).toEqual(['licensed_therapist', 'treatment_plan']);
    const insured = rankKinds({ treatment: 'treatment_insured' }).options[0]!;
    expect(insured.id).toBe('group_therapy');
    expect(insured.reasons).toEqual(['licensed_therapist', 'treatment_plan', 'insurance_receipts']);
    expect(insured.score).toBeGreaterThan(treatment.score);
  });

  it('unpredictable schedule / support at 3 a.m. → online community, drop-in (post any time; single session)', () => {
    for (const schedule of ['unpredictable', 'odd_hours'] as const) {
      const ranking = rankKinds({ schedule });
      expect(ranking.options.slice(0, 3).map((o) => o.id)).toEqual(['online_community', 'drop_in_group', 'topic_drop_in']);
      expect(option({ schedule }, 'online_community').reasons).toEqual(['post_any_time']);
      expect(option({ schedule }, 'drop_in_group').reasons).toEqual(['single_session']);
      expect(option({ schedule }, 'closed_group').cautions).toEqual(['fixed_schedule']);
    }
    // Needing someone at any hour also shows the crisis lines with the result.
    expect(rankKinds({ schedule: 'odd_hours' }).showCrisisLines).toBe(true);
    expect(rankKinds({ schedule: 'unpredictable' }).showCrisisLines).toBe(false);
  });

  it('wants it free or very cheap → peer support group, drop-in (usually free)', () => {
    const ranking = rankKinds({ budget: 'free' });
    expect(ranking.options[0]).toMatchObject({ id: 'drop_in_group', kind: 'support_group', format: 'drop_in', reasons: ['usually_free'] });
    expect(ranking.options.at(-1)).toMatchObject({ id: 'group_therapy', cautions: ['usually_fee'] });
    expect(ranking.freeOnly).toBe(true);
    expect(rankKinds({ budget: 'flexible' }).freeOnly).toBe(false);
  });

  it('wants to stay anonymous → drop-in, online community (nickname only; distance)', () => {
    const answers: GuideAnswers = { anonymity: 'anonymous' };
    expect(top(answers, 3)).toEqual(['online_community', 'drop_in_group', 'topic_drop_in']);
    expect(option(answers, 'online_community').reasons).toEqual(['nickname_only', 'distance']);
    expect(option(answers, 'drop_in_group').reasons).toEqual(['nickname_only']);
    expect(option(answers, 'group_therapy').cautions).toEqual(['intake_identity']);
  });

  it('lives far from any city → online, any kind (matches are online)', () => {
    const ranking = rankKinds({ place: 'far' });
    expect(ranking.delivery).toBe('online');
    expect(ranking.options[0]?.id).toBe('online_community');
    // Every kind can be joined from far away when it meets online.
    for (const o of ranking.options) expect(o.reasons).toContain('online_from_anywhere');
    expect(rankKinds({ place: 'in_person' }).delivery).toBe('in_person');
    expect(rankKinds({ place: 'either' }).delivery).toBeNull();
  });

  it('wants to hear from people with the exact same loss → online community, topic drop-ins (membership; topics)', () => {
    const answers: GuideAnswers = { sameLoss: 'exact' };
    expect(top(answers, 2)).toEqual(['topic_drop_in', 'online_community']);
    expect(option(answers, 'online_community').reasons).toEqual(['large_membership']);
    expect(option(answers, 'topic_drop_in')).toMatchObject({ dropInStyle: 'topic', reasons: ['narrow_topics'] });
  });
});

describe('rankKinds: combinations and skipped questions', () => {
  it('with every question skipped, ranks all options evenly in the default order', () => {
    const ranking = rankKinds({});
    expect(ranking.options.map((o) => o.id)).toEqual(GUIDE_OPTION_IDS);
    expect(ranking.options.every((o) => o.score === 0 && o.reasons.length === 0 && o.cautions.length === 0)).toBe(true);
    expect(ranking).toMatchObject({ delivery: null, freeOnly: false, showCrisisLines: false });
  });

  it('adds up answers: treatment with insurance outweighs a flexible schedule', () => {
    const ranking = rankKinds({ treatment: 'treatment_insured', structure: 'structured', schedule: 'unpredictable' });
    expect(ranking.options[0]?.id).toBe('group_therapy');
    expect(ranking.options[0]?.cautions).toEqual(['fixed_schedule']);
  });

  it('a person who wants in-person peer support and no fees never gets the online community first', () => {
    const ranking = rankKinds({ place: 'in_person', treatment: 'peer', budget: 'free', talk: 'listen_first' });
    expect(ranking.options[0]?.id).toBe('drop_in_group');
    expect(option({ place: 'in_person' }, 'online_community').cautions).toEqual(['online_only']);
  });

  it('lists each reason once even when several answers give it', () => {
    const o = option({ structure: 'flexible', schedule: 'odd_hours' }, 'online_community');
    expect(o.reasons).toEqual(['post_any_time']);
    expect(o.score).toBe(5);
  });

  it('rejects answers that are not among the choices', () => {
    expect(() => rankKinds({ talk: 'shout' } as never)).toThrow();
  });

  it('counts the kind of help named in the person’s own words, and hears a crisis in them', () => {
    const own = readOwnWords('I would like to talk to a therapist', 'en');
    expect(own).toEqual({ topic: null, kinds: ['group_therapy'], crisis: false });
    const ranking = rankKinds({}, own);
    expect(ranking.options[0]?.id).toBe('group_therapy');
    expect(ranking.options[0]?.reasons).toEqual(['your_words']);
    expect(ranking.showCrisisLines).toBe(false);
    expect(rankKinds({}, readOwnWords('je veux mourir', 'fr')).showCrisisLines).toBe(true);
    // Without words, the same answers rank as before.
    expect(rankKinds({}, null).options[0]?.id).toBe(rankKinds({}).options[0]?.id);
    expect(rankKinds({}).options[0]?.id).not.toBe('group_therapy');
  });

  it('takes one topic from the words: who the person is to what happened first, then the most specific', () => {
    expect(readOwnWords('my son drinks too much', 'en').topic).toBe('addiction-families-and-friends');
    expect(readOwnWords('mon mari est décédé au printemps', 'fr').topic).toBe('grief-loss-of-a-partner');
    expect(readOwnWords('grief after cancer', 'en').topic).toBe('health-conditions-cancer');
    expect(readOwnWords('just curious', 'en').topic).toBeNull();
  });
});
