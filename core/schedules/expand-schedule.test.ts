import { describe, expect, it } from 'vitest';
import { expandSchedule, recurrenceRuleProblem } from './expand-schedule';

const iso = (d: Date) => d.toISOString();

describe('expandSchedule', () => {
  it('keeps the local wall-clock time across the autumn DST change (Toronto)', () => {
    const out = expandSchedule(
      { rrule: 'FREQ=WEEKLY;BYDAY=TU', startsLocal: '2026-10-20T19:00', durationMinutes: 90, timeZone: 'America/Toronto' },
      { from: new Date('2026-10-15T00:00:00Z'), to: new Date('2026-11-12T00:00:00Z') },
    );
    expect(out.map((o) => o.local)).toEqual(['2026-10-20T19:00', '2026-10-27T19:00', '2026-11-03T19:00', '2026-11-10T19:00']);
    // 19:00 EDT is 23:00 UTC; after 1 November, 19:00 EST is 00:00 UTC the next day.
    expect(out.map((o) => iso(o.startsAt))).toEqual([
      '2026-10-20T23:00:00.000Z',
      '2026-10-27T23:00:00.000Z',
      '2026-11-04T00:00:00.000Z',
      '2026-11-11T00:00:00.000Z',
    ]);
    expect(out.every((o) => o.endsAt.getTime() - o.startsAt.getTime() === 90 * 60_000)).toBe(true);
  });

  it('handles the spring change, monthly "2nd Thursday" rules and skipped dates (Montreal)', () => {
    const out = expandSchedule(
      {
        rrule: 'FREQ=MONTHLY;BYDAY=2TH',
        startsLocal: '2027-01-14T18:30',
        durationMinutes: 60,
        timeZone: 'America/Montreal',
        exceptionsLocal: ['2027-04-08T18:30'],
      },
      { from: new Date('2027-02-01T00:00:00Z'), to: new Date('2027-06-01T00:00:00Z') },
    );
    expect(out.map((o) => [o.local, iso(o.startsAt)])).toEqual([
      ['2027-02-11T18:30', '2027-02-11T23:30:00.000Z'],
      ['2027-03-11T18:30', '2027-03-11T23:30:00.000Z'], // still standard time (DST starts 14 March)
      ['2027-05-13T18:30', '2027-05-13T22:30:00.000Z'],
    ]);
  });

  it('supports every-other-week rules with an end date', () => {
    const out = expandSchedule(
      {
        rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SA',
        startsLocal: '2026-12-05T10:00',
        untilLocal: '2027-01-16T23:59',
        durationMinutes: 120,
        timeZone: 'America/Toronto',
      },
      { from: new Date('2026-12-01T00:00:00Z'), to: new Date('2027-03-01T00:00:00Z') },
    );
    expect(out.map((o) => o.local)).toEqual(['2026-12-05T10:00', '2026-12-19T10:00', '2027-01-02T10:00', '2027-01-16T10:00']);
  });

  it('rejects an unknown zone and reports bad rules', () => {
    expect(() =>
      expandSchedule(
        { rrule: 'FREQ=WEEKLY', startsLocal: '2026-12-05T10:00', durationMinutes: 60, timeZone: 'Mars/Olympus' },
        { from: new Date(), to: new Date() },
      ),
    ).toThrow(/time zone/);
    expect(recurrenceRuleProblem('FREQ=WEEKLY;BYDAY=TU')).toBeNull();
    expect(recurrenceRuleProblem('BYDAY=TU')).not.toBeNull();
  });
});
