import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { cohortRhythm } from './cohort-rhythm';
import { nextSteps, type NextStepFacts } from './next-steps';
import { normalizePhone } from './phone';

const ZONE = 'America/Toronto';
/** Sessions starting at a local wall-clock time, `minutes` long, on the given local dates. */
const sessionsAt = (dates: string[], time: string, minutes = 120) =>
  dates.map((d) => {
    const start = DateTime.fromISO(`${d}T${time}`, { zone: ZONE });
    return { startsAt: start.toJSDate(), endsAt: start.plus({ minutes }).toJSDate() };
  });

describe('cohortRhythm', () => {
  it('finds the weekday and time every session shares, across a change of clocks', () => {
    // Tuesdays at 18:30 on both sides of the November change (UTC offsets differ).
    const s = sessionsAt(['2026-10-20', '2026-10-27', '2026-11-03', '2026-11-10'], '18:30');
    const r = cohortRhythm(s, ZONE);
    expect(r).toMatchObject({ weekday: 2, cadence: 'weekly' });
    expect(r?.first).toBe(s[0]);
  });

  it('tells every other week, irregular gaps and a single session apart', () => {
    expect(cohortRhythm(sessionsAt(['2026-11-05', '2026-11-19', '2026-12-03'], '13:30'), ZONE)?.cadence).toBe('biweekly');
    expect(cohortRhythm(sessionsAt(['2026-11-05', '2026-11-12', '2026-12-03'], '13:30'), ZONE)?.cadence).toBe('irregular');
    expect(cohortRhythm(sessionsAt(['2026-11-05'], '13:30'), ZONE)?.cadence).toBe('once');
  });

  it('has no rhythm when the sessions differ in weekday, time or length, or there are none', () => {
    expect(cohortRhythm([], ZONE)).toBeNull();
    expect(cohortRhythm([...sessionsAt(['2026-11-03'], '18:30'), ...sessionsAt(['2026-11-05'], '18:30')], ZONE)).toBeNull();
    expect(cohortRhythm([...sessionsAt(['2026-11-03'], '18:30'), ...sessionsAt(['2026-11-10'], '19:00')], ZONE)).toBeNull();
    expect(cohortRhythm([...sessionsAt(['2026-11-03'], '18:30'), ...sessionsAt(['2026-11-10'], '18:30', 90)], ZONE)).toBeNull();
  });
});

describe('nextSteps', () => {
  const now = new Date('2026-11-01T12:00:00Z');
  const first = new Date('2026-11-17T23:30:00Z');
  const decision = new Date('2026-11-10T17:00:00Z');
  const base: NextStepFacts = {
    status: 'applied',
    position: null,
    phone: null,
    waitlistPromotion: 'automatic',
    minimumParticipants: null,
    decisionAt: null,
    firstSessionAt: first,
    closesAt: first,
    online: false,
    now,
  };

  it('an application under review: the answer comes before the group starts, by email', () => {
    expect(nextSteps(base)).toEqual([
      { kind: 'review', by: first },
      { kind: 'email', about: 'received' },
    ]);
  });

  it('a facilitator who calls does so before the minimum is checked, at the number given; the minimum is said', () => {
    const steps = nextSteps({ ...base, phone: '613 555-0123', minimumParticipants: 5, decisionAt: decision });
    expect(steps).toEqual([
      { kind: 'call', phone: '613 555-0123', by: decision },
      { kind: 'review', by: decision },
      { kind: 'email', about: 'received' },
      { kind: 'minimum', minimum: 5, at: decision },
    ]);
    // Once the decision date has passed, it is no longer a step ahead.
    const later = nextSteps({ ...base, minimumParticipants: 5, decisionAt: decision, now: new Date('2026-11-12T00:00:00Z') });
    expect(later.map((s) => s.kind)).toEqual(['review', 'email']);
  });

  it('accepted, waitlisted, and finished applications', () => {
    expect(nextSteps({ ...base, status: 'accepted', online: true })).toEqual([
      { kind: 'accepted', online: true },
      { kind: 'email', about: 'accepted' },
    ]);
    expect(nextSteps({ ...base, status: 'waitlisted', position: 2, waitlistPromotion: 'manual' })).toEqual([
      { kind: 'waitlist', position: 2, automatic: false, until: first },
      { kind: 'email', about: 'waitlisted' },
    ]);
    expect(nextSteps({ ...base, status: 'withdrawn' })).toEqual([]);
    expect(nextSteps({ ...base, status: 'declined' })).toEqual([]);
  });
});

describe('normalizePhone', () => {
  it('keeps numbers a facilitator can dial, as typed, and refuses the rest', () => {
    expect(normalizePhone(' (613)  555-0123 ')).toBe('(613) 555-0123');
    expect(normalizePhone('1-613-555-0123 ext. 12')).toBe('1-613-555-0123 ext. 12');
    expect(normalizePhone('613 555 0123 poste 4')).toBe('613 555 0123 poste 4');
    expect(normalizePhone('+33 1 23 45 67 89')).toBe('+33 1 23 45 67 89');
    expect(normalizePhone('555-0123')).toBeNull();
    expect(normalizePhone('call me maybe')).toBeNull();
    expect(normalizePhone('')).toBeNull();
  });
});
