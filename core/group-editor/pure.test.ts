import { describe, expect, it } from 'vitest';
import { CoreError } from '../errors';
import { publishProblems, type PublishCheckGroup, type PublishFacts } from './publish-problems';
import { formFromRule, previewSchedule, ruleFromForm, scheduleForm, type ScheduleFormInput } from './schedule-rule';
import { attributeIssues, NEW_GROUP_DEFAULTS, type GroupColumns } from './group-input';

const ready: PublishCheckGroup = {
  kind: 'support_group',
  format: 'drop_in',
  leadership: 'peer',
  delivery: 'in_person',
  languages: ['en'],
  titleEn: 'Grief circle',
  titleFr: 'Cercle de deuil',
  summaryEn: 'Talk',
  summaryFr: 'Parler',
  descriptionEn: null,
  descriptionFr: null,
  whatToExpectEn: null,
  whatToExpectFr: null,
  venueName: 'Library',
  street: '1 Main St',
  city: 'Ottawa',
  onlineUrl: null,
  costType: 'free',
  feeCents: null,
  feeCurrency: null,
  feePer: null,
};
const facts: PublishFacts = { facilitators: [], upcomingSessions: 0, schedules: 1, activeCohorts: 0 };
const keys = (g: PublishCheckGroup, f: PublishFacts = facts) => publishProblems(g, f).problems.map((p) => p.key);

describe('publishProblems', () => {
  it('finds nothing to fix on a complete drop-in group', () => {
    expect(publishProblems(ready, facts)).toEqual({ problems: [], missingTranslations: [] });
  });

  it('needs a title in one language, with the field to fix', () => {
    const check = publishProblems({ ...ready, titleEn: '  ', titleFr: null }, facts);
    expect(check.problems).toEqual([{ key: 'editor.problem.title', path: 'titleEn' }]);
    expect(keys({ ...ready, titleEn: null })).toEqual([]);
  });

  it('needs a venue and a city in person, an online link online, both when hybrid', () => {
    expect(keys({ ...ready, venueName: null, street: null, city: null })).toEqual(['editor.problem.venue', 'editor.problem.city']);
    expect(keys({ ...ready, delivery: 'online', venueName: null, street: null, city: null })).toEqual(['editor.problem.onlineUrl']);
    expect(keys({ ...ready, delivery: 'hybrid', city: null })).toEqual(['editor.problem.city', 'editor.problem.onlineUrl']);
    expect(keys({ ...ready, delivery: 'hybrid', onlineUrl: 'https://meet.example.org/x' })).toEqual([]);
  });

  it('needs sessions or a schedule for drop-ins, and a cohort for closed groups', () => {
    expect(keys(ready, { ...facts, schedules: 0 })).toEqual(['editor.problem.sessions']);
    expect(keys(ready, { ...facts, schedules: 0, upcomingSessions: 2 })).toEqual([]);
    expect(keys({ ...ready, format: 'closed' }, { ...facts, activeCohorts: 0 })).toEqual(['editor.problem.cohort']);
    expect(keys({ ...ready, format: 'closed' }, { ...facts, activeCohorts: 1 })).toEqual([]);
  });

  it('needs the fee details when the group is not free, and languages', () => {
    expect(keys({ ...ready, costType: 'fee', feeCents: 2000, feeCurrency: null, feePer: 'session' })).toEqual(['editor.problem.fee']);
    expect(keys({ ...ready, costType: 'fee', feeCents: 2000, feeCurrency: 'CAD', feePer: 'session' })).toEqual([]);
    expect(keys({ ...ready, languages: [] })).toEqual(['editor.problem.languages']);
  });

  it('blocks group therapy until a linked licensed facilitator has a verified licence', () => {
    const therapy = { ...ready, kind: 'group_therapy' as const, leadership: 'licensed' as const };
    expect(keys(therapy, facts)).toEqual(['editor.problem.licensedFacilitator']);
    expect(keys(therapy, { ...facts, facilitators: [{ leadership: 'peer', licenceStatus: 'verified' }] })).toEqual(['editor.problem.licensedFacilitator']);
    expect(keys(therapy, { ...facts, facilitators: [{ leadership: 'licensed', licenceStatus: 'pending' }] })).toEqual(['editor.problem.licenceVerified']);
    expect(keys(therapy, { ...facts, facilitators: [{ leadership: 'licensed', licenceStatus: 'verified' }] })).toEqual([]);
    // A licensed-led workshop needs the same.
    expect(keys({ ...ready, kind: 'workshop', leadership: 'licensed' })).toEqual(['editor.problem.licensedFacilitator']);
  });

  it('warns (without blocking) about texts written in one language only', () => {
    const check = publishProblems({ ...ready, titleFr: null, descriptionFr: 'Seulement en français' }, facts);
    expect(check.problems).toEqual([]);
    expect(check.missingTranslations).toEqual([
      { key: 'editor.missing.fr', path: 'titleFr' },
      { key: 'editor.missing.en', path: 'descriptionEn' },
    ]);
  });
});

describe('schedule forms', () => {
  const weekly: ScheduleFormInput = { frequency: 'weekly', days: ['TH', 'TU'], startTime: '19:00', durationMinutes: 90, startDate: '2026-10-01' };

  it('writes weekly, every-N-weeks and weekday-of-month rules, and reads them back', () => {
    const a = ruleFromForm(scheduleForm.parse(weekly));
    expect(a).toEqual({ rrule: 'FREQ=WEEKLY;BYDAY=TU,TH', startsLocal: '2026-10-01 19:00:00', durationMinutes: 90, untilLocal: null, exceptionsLocal: [] });
    const b = ruleFromForm(scheduleForm.parse({ ...weekly, interval: 2, days: ['WE'], endDate: '2026-12-31', exceptions: ['2026-10-14'] }));
    expect(b.rrule).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=WE');
    expect(b.untilLocal).toBe('2026-12-31 23:59:00');
    expect(b.exceptionsLocal).toEqual(['2026-10-14 19:00:00']);
    const c = ruleFromForm(scheduleForm.parse({ ...weekly, frequency: 'monthly', days: [], monthWeek: -1, monthDay: 'FR' }));
    expect(c.rrule).toBe('FREQ=MONTHLY;BYDAY=-1FR');
    expect(formFromRule(c)).toMatchObject({ frequency: 'monthly', monthWeek: -1, monthDay: 'FR', startTime: '19:00', startDate: '2026-10-01' });
    expect(formFromRule(b)).toMatchObject({ frequency: 'weekly', interval: 2, days: ['WE'], endDate: '2026-12-31', exceptions: ['2026-10-14'] });
    expect(formFromRule({ ...a, rrule: 'FREQ=DAILY' })).toBeNull();
  });

  it('explains what is wrong with a form', () => {
    const r = scheduleForm.safeParse({ ...weekly, days: [], startTime: '25:00', endDate: '2026-09-01' });
    expect(r.success).toBe(false);
    const issues = r.error!.issues.map((i) => `${i.path.join('.')}:${i.message}`);
    expect(issues).toContain('startTime:invalid_time');
    const r2 = scheduleForm.safeParse({ ...weekly, days: [], endDate: '2026-09-01' });
    expect(r2.error!.issues.map((i) => `${i.path.join('.')}:${i.message}`)).toEqual(['days:required', 'endDate:end_before_start']);
  });

  it('previews the next eight dates in the group’s zone, keeping the local time across the November DST change', () => {
    const dates = previewSchedule(
      { form: { ...weekly, days: ['TU'], startDate: '2026-10-20', exceptions: ['2026-11-10'] }, timeZone: 'America/Toronto' },
      new Date('2026-10-01T00:00:00Z'),
    );
    expect(dates).toHaveLength(8);
    expect(dates.map((d) => d.local.slice(0, 10))).toEqual([
      '2026-10-20', '2026-10-27', '2026-11-03', '2026-11-17', '2026-11-24', '2026-12-01', '2026-12-08', '2026-12-15',
    ]);
    // 19:00 EDT is 23:00 UTC; after 1 November, 19:00 EST is 00:00 UTC the next day.
    expect(dates[1]!.startsAt.toISOString()).toBe('2026-10-27T23:00:00.000Z');
    expect(dates[2]!.startsAt.toISOString()).toBe('2026-11-04T00:00:00.000Z');
    expect(dates[2]!.endsAt.toISOString()).toBe('2026-11-04T01:30:00.000Z');
  });

  it('previews from now when the start date is past, and stops at the end date', () => {
    const dates = previewSchedule(
      { form: { ...weekly, frequency: 'monthly', days: [], monthWeek: 2, monthDay: 'TH', startDate: '2026-01-01', endDate: '2026-06-30' }, timeZone: 'America/Toronto' },
      new Date('2026-03-01T00:00:00Z'),
    );
    expect(dates.map((d) => d.local)).toEqual(['2026-03-12T19:00', '2026-04-09T19:00', '2026-05-14T19:00', '2026-06-11T19:00']);
  });

  it('refuses an unknown time zone with an issue', () => {
    try {
      previewSchedule({ form: weekly, timeZone: 'Mars/Olympus' }, new Date());
      expect.unreachable();
    } catch (err) {
      expect((err as CoreError).issues).toEqual([{ path: 'timeZone', message: 'unknown_zone' }]);
    }
  });
});

describe('attributeIssues', () => {
  const base: GroupColumns = {
    ...NEW_GROUP_DEFAULTS,
    kind: 'support_group',
    leadership: 'peer',
    format: 'drop_in',
    dropInStyle: 'open_forum',
    delivery: 'in_person',
    titleEn: 'A',
    titleFr: null,
    timeZone: 'America/Toronto',
  };
  const issues = (g: Partial<GroupColumns>) => attributeIssues({ ...base, ...g }).map((i) => `${i.path}:${i.message}`);

  it('names the field that breaks a rule', () => {
    expect(issues({})).toEqual([]);
    expect(issues({ titleEn: null })).toEqual(['titleEn:title_required']);
    expect(issues({ kind: 'group_therapy' })).toEqual(['leadership:therapy_needs_licensed']);
    expect(issues({ kind: 'online_community', delivery: 'in_person' })).toEqual([
      'format:community_is_ongoing',
      'delivery:community_is_online',
    ]);
    expect(issues({ dropInStyle: null })).toEqual(['dropInStyle:required']);
    expect(issues({ kind: 'workshop' })).toEqual(['workshopActivity:required']);
    expect(issues({ costType: 'fee' })).toEqual(['feeCents:required', 'feeCurrency:required', 'feePer:required']);
    expect(issues({ ageMin: 40, ageMax: 18 })).toEqual(['ageMax:ages_order']);
    expect(issues({ reach: 'local' })).toEqual(['regions:required']);
  });
});
