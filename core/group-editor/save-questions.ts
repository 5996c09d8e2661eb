import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { intakeQuestions, type ChoiceOption } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { Invalid, type Issue } from '../errors';
import { audit, blankToNull, editableGroup, lockGroup } from './shared';
import { QUESTION_TYPES } from './values';

export { QUESTION_TYPES };

const text = (max: number) => z.string().trim().max(max, { error: 'too_long' }).nullish().transform((s) => blankToNull(s));


export const questionInput = z.object({
  /** Present for a question already asked (its answers stay attached to it). */
  id: z.uuid().nullish(),
  type: z.enum(QUESTION_TYPES, { error: 'required' }),
  labelEn: text(500),
  labelFr: text(500),
  required: z.boolean().default(false),
  options: z
    .array(z.object({ value: z.string().trim().max(60).nullish(), labelEn: text(200), labelFr: text(200) }))
    .max(30, { error: 'too_long' })
    .default([]),
});

export const saveQuestionsInput = z.object({
  groupId: z.uuid(),
  /** Every question, in the order asked. */
  questions: z.array(questionInput).max(30, { error: 'too_long' }),
});
export type SaveQuestionsInput = z.input<typeof saveQuestionsInput>;

function optionValue(label: string, taken: Set<string>): string {
  const base =
    label
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 40) || 'option';
  let value = base;
  for (let n = 2; taken.has(value); n++) value = `${base}_${n}`;
  taken.add(value);
  return value;
}

/**
 * Replaces the intake questions asked at sign-up or in an application: text, choice (two options
 * or more) or yes/no, each labelled in at least one language, required or not, in order. Questions
 * kept (by id) keep their id, so answers already given stay attached.
 */
export async function saveQuestions({ ctx, input }: { ctx: Context; input: SaveQuestionsInput }): Promise<{ ids: string[] }> {
  const q = parseInput(saveQuestionsInput, input);
  const group = await editableGroup(ctx, q.groupId);
  const issues: Issue[] = [];
  q.questions.forEach((question, i) => {
    if (!question.labelEn && !question.labelFr) issues.push({ path: `questions.${i}.labelEn`, message: 'label_required' });
    if (question.type === 'choice') {
      const labelled = question.options.filter((o) => o.labelEn || o.labelFr);
      if (labelled.length < 2) issues.push({ path: `questions.${i}.options`, message: 'two_options' });
    }
  });
  if (issues.length) throw new Invalid(issues);

  return withTransaction(ctx, async (tx) => {
    await lockGroup(tx, q.groupId);
    const before = await tx.db.select().from(intakeQuestions).where(eq(intakeQuestions.groupId, q.groupId)).orderBy(asc(intakeQuestions.position));
    const beforeIds = new Set(before.map((b) => b.id));
    const keptIds = new Set(q.questions.map((x) => x.id).filter((id): id is string => !!id && beforeIds.has(id)));
    for (const b of before) if (!keptIds.has(b.id)) await tx.db.delete(intakeQuestions).where(eq(intakeQuestions.id, b.id));
    // Move kept rows out of the way of the (group, position) uniqueness before renumbering.
    if (keptIds.size) {
      await tx.db.update(intakeQuestions).set({ position: sql`${intakeQuestions.position} + 100000` }).where(eq(intakeQuestions.groupId, q.groupId));
    }
    const ids: string[] = [];
    for (const [i, question] of q.questions.entries()) {
      const taken = new Set<string>();
      const options: ChoiceOption[] =
        question.type === 'choice'
          ? question.options
              .filter((o) => o.labelEn || o.labelFr)
              .map((o) => ({
                value: o.value && !taken.has(o.value) ? (taken.add(o.value), o.value) : optionValue((o.labelEn ?? o.labelFr)!, taken),
                labelEn: o.labelEn,
                labelFr: o.labelFr,
              }))
          : [];
      const values = { position: i + 1, type: question.type, labelEn: question.labelEn, labelFr: question.labelFr, required: question.required, options };
      if (question.id && keptIds.has(question.id)) {
        await tx.db.update(intakeQuestions).set(values).where(eq(intakeQuestions.id, question.id));
        ids.push(question.id);
      } else {
        const [row] = await tx.db.insert(intakeQuestions).values({ groupId: q.groupId, ...values }).returning({ id: intakeQuestions.id });
        ids.push(row!.id);
      }
    }
    await audit(tx, {
      organizationId: group.organizationId,
      action: 'group.questions_saved',
      entityType: 'group',
      entityId: q.groupId,
      data: { count: q.questions.length },
    });
    return { ids };
  });
}
