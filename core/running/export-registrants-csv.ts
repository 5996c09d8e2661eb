import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { getT } from '../../i18n';
import { parseInput, withTransaction, type Context } from '../context';
import { pick } from '../text';
import { listSessionRegistrants } from './list-session-registrants';
import { audit } from './shared';
import type { LabelledAnswer } from './shared';

export const exportRegistrantsCsvInput = z.object({ sessionId: z.uuid() });

/** A byte-order mark first, so spreadsheet programs read the file as UTF-8 (accents intact). */
const BOM = '\uFEFF';

/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab / carriage return) as a
 * formula; what people typed is written as text instead.
 */
function cell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * The people of one session as a CSV file for its organizers: name, email, status, place in the
 * waitlist, one column per question, attendance. Headers and values in the organizer's language.
 * Each export is written in the audit log (it takes personal data out of the platform). The file
 * is named after the group and the session's date in the group's time zone.
 */
export async function exportRegistrantsCsv({ ctx, input }: { ctx: Context; input: z.input<typeof exportRegistrantsCsvInput> }) {
  const q = parseInput(exportRegistrantsCsvInput, input);
  return withTransaction(ctx, async (tx) => {
    const data = await listSessionRegistrants({ ctx: tx, input: q });
    const t = getT(tx.locale);
    const text = (b: { en: string | null; fr: string | null }) => pick(b, tx.locale)?.text ?? '';
    const answerText = (answers: LabelledAnswer[], questionId: string) => {
      const a = answers.find((x) => x.questionId === questionId);
      if (!a) return '';
      if (typeof a.value === 'boolean') return t(a.value ? 'running.csv.yes' : 'running.csv.no');
      return a.choice ? text(a.choice) : a.value;
    };
    const confirmedStatus = data.session.cohortId ? t('running.status.accepted') : t('running.status.confirmed');
    const header = [
      t('running.csv.name'),
      t('running.csv.email'),
      t('running.csv.status'),
      t('running.csv.position'),
      ...data.questions.map((qq) => text(qq.label)),
      t('running.csv.attendance'),
    ];
    const body = [
      ...data.confirmed.map((p) => [p.name, p.email, confirmedStatus, '', ...data.questions.map((qq) => answerText(p.answers, qq.id)), p.attendance ? t(`running.attendance.${p.attendance}`) : '']),
      ...data.waitlist.map((p) => [p.name, p.email, t('running.status.waitlisted'), String(p.rank), ...data.questions.map((qq) => answerText(p.answers, qq.id)), '']),
    ];
    const csv = BOM + stringify([header, ...body].map((row) => row.map(cell)), { record_delimiter: 'windows' });
    await audit(tx, {
      organizationId: data.organization.id,
      action: 'registrants.exported',
      entityType: 'session',
      entityId: data.session.id,
      data: { rows: body.length },
    });
    // The session's date as the group lives it: an evening session in Toronto is past midnight UTC.
    const day = DateTime.fromJSDate(data.session.startsAt, { zone: data.group.timeZone }).toFormat('yyyy-MM-dd');
    return { filename: `${data.group.slug}-${day}.csv`, csv, organizationSlug: data.organization.slug };
  });
}
