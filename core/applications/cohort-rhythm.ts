// When a cohort meets, as a person reads it before committing: "every Tuesday, 6:30 to 8:30 p.m."
// when all its sessions share a weekday and a time in the group's zone, otherwise nothing (the
// page then lists each session). Pure: the page formats the names in its language.

export interface CohortRhythm {
  /** 0 = Sunday … 6 = Saturday, in the group's zone. */
  weekday: number;
  /** The first session, whose local start and end times every session shares. */
  first: { startsAt: Date; endsAt: Date };
  /** Every week, every other week, on that weekday at varying intervals, or a single session. */
  cadence: 'weekly' | 'biweekly' | 'irregular' | 'once';
}

interface Local {
  day: number;
  weekday: number;
  start: string;
  end: string;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function partsIn(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

/** The calendar day (days since 1970-01-01) and wall-clock time of an instant in a zone. */
function localOf(date: Date, timeZone: string): { day: number; time: string } {
  const parts = Object.fromEntries(partsIn(timeZone).formatToParts(date).map((p) => [p.type, p.value]));
  const day = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)) / 86_400_000;
  return { day, time: `${parts.hour}:${parts.minute}` };
}

/** The shared weekday and time of a cohort's sessions (in order), or null when they differ or there are none. */
export function cohortRhythm(sessions: readonly { startsAt: Date; endsAt: Date }[], timeZone: string): CohortRhythm | null {
  if (sessions.length === 0) return null;
  const local: Local[] = sessions.map((s) => {
    const start = localOf(s.startsAt, timeZone);
    const end = localOf(s.endsAt, timeZone);
    // 1970-01-01 was a Thursday (4).
    return { day: start.day, weekday: (((start.day + 4) % 7) + 7) % 7, start: start.time, end: end.day === start.day ? end.time : `+${end.time}` };
  });
  const [head] = local as [Local, ...Local[]];
  if (local.some((l) => l.weekday !== head.weekday || l.start !== head.start || l.end !== head.end)) return null;
  const gaps = local.slice(1).map((l, i) => l.day - local[i]!.day);
  const cadence = gaps.length === 0 ? 'once' : gaps.every((g) => g === 7) ? 'weekly' : gaps.every((g) => g === 14) ? 'biweekly' : 'irregular';
  return { weekday: head.weekday, first: sessions[0]!, cadence };
}
