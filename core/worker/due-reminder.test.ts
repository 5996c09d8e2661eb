import { describe, expect, it } from 'vitest';
import { dueReminder } from './queue-reminders';

const at = (iso: string) => new Date(iso);

describe('dueReminder', () => {
  // Sunday 1 November 2026, 19:00 in Toronto (EST, the evening daylight time ended) = 2026-11-02T00:00Z.
  const start = at('2026-11-02T00:00:00Z');

  it('opens the 24 h reminder exactly 24 real hours before, across the DST change', () => {
    // 24 h before is 20:00 EDT on Saturday, not 19:00: the clocks moved back in between.
    expect(dueReminder(start, at('2026-10-31T23:59:59Z'), [24, 1])).toBeNull();
    expect(dueReminder(start, at('2026-11-01T00:00:00Z'), [24, 1])).toBe(24);
  });

  it('sends the nearest reminder only, and nothing once the session started', () => {
    expect(dueReminder(start, at('2026-11-01T23:00:00Z'), [24, 1])).toBe(1);
    expect(dueReminder(start, at('2026-11-01T22:59:59Z'), [24, 1])).toBe(24);
    expect(dueReminder(start, start, [24, 1])).toBeNull();
    expect(dueReminder(start, at('2026-11-01T23:30:00Z'), [])).toBeNull();
    expect(dueReminder(start, at('2026-10-31T00:00:00Z'), [48])).toBe(48);
    expect(dueReminder(start, at('2026-10-30T23:59:59Z'), [48])).toBeNull();
  });
});
