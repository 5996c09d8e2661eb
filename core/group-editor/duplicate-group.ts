import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { cohorts, groupFacilitators, groups, groupTopics, intakeQuestions, modules, schedules } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { syncSessions } from './materialize-sessions';
import { audit, editableGroup, freshSlugs } from './shared';

export const duplicateGroupInput = z.object({ groupId: z.uuid() });
export type DuplicateGroupInput = z.input<typeof duplicateGroupInput>;

const TITLE_MAX = 200;
const suffixed = (title: string | null, suffix: string) => (title ? `${title.slice(0, TITLE_MAX - suffix.length)}${suffix}` : null);

/**
 * Copies a group as a new draft: every attribute, topics, facilitators, schedules, cohorts (as
 * open cohorts with their modules) and intake questions, titled "(copy)" / "(copie)". No
 * registrations, applications or one-off sessions come along.
 */
export async function duplicateGroup({ ctx, input }: { ctx: Context; input: DuplicateGroupInput }): Promise<{ id: string; slug: string }> {
  const q = parseInput(duplicateGroupInput, input);
  const source = await editableGroup(ctx, q.groupId);
  return withTransaction(ctx, async (tx) => {
    const { id: _id, slug: _slug, slugFr: _slugFr, status: _s, publishedAt: _p, archivedAt: _a, createdAt: _c, updatedAt: _u, ...attributes } = source;
    const titleEn = suffixed(source.titleEn, ' (copy)');
    const titleFr = suffixed(source.titleFr, ' (copie)');
    const { slug, slugFr } = await freshSlugs(tx, titleEn, titleFr);
    const [copy] = await tx.db
      .insert(groups)
      .values({ ...attributes, titleEn, titleFr, slug, slugFr, status: 'draft', createdAt: tx.now, updatedAt: tx.now })
      .returning({ id: groups.id, slug: groups.slug });
    const id = copy!.id;

    const topicRows = await tx.db.select().from(groupTopics).where(eq(groupTopics.groupId, source.id));
    if (topicRows.length) await tx.db.insert(groupTopics).values(topicRows.map((t) => ({ groupId: id, topicId: t.topicId })));
    const facRows = await tx.db.select().from(groupFacilitators).where(eq(groupFacilitators.groupId, source.id));
    if (facRows.length) {
      await tx.db.insert(groupFacilitators).values(facRows.map((f) => ({ groupId: id, facilitatorId: f.facilitatorId, position: f.position })));
    }
    const scheduleRows = await tx.db.select().from(schedules).where(eq(schedules.groupId, source.id)).orderBy(asc(schedules.createdAt));
    for (const s of scheduleRows) {
      await tx.db.insert(schedules).values({
        groupId: id,
        rrule: s.rrule,
        startsLocal: s.startsLocal,
        durationMinutes: s.durationMinutes,
        untilLocal: s.untilLocal,
        exceptionsLocal: s.exceptionsLocal,
        createdAt: tx.now,
        updatedAt: tx.now,
      });
    }
    const cohortRows = await tx.db.select().from(cohorts).where(eq(cohorts.groupId, source.id)).orderBy(asc(cohorts.startsOn));
    for (const c of cohortRows) {
      const [nc] = await tx.db
        .insert(cohorts)
        .values({
          groupId: id,
          startsOn: c.startsOn,
          endsOn: c.endsOn,
          sessionCount: c.sessionCount,
          capacity: c.capacity,
          minimumParticipants: c.minimumParticipants,
          decisionAt: c.decisionAt,
          lateJoinUntilSession: c.lateJoinUntilSession,
          createdAt: tx.now,
          updatedAt: tx.now,
        })
        .returning({ id: cohorts.id });
      const mods = await tx.db.select().from(modules).where(eq(modules.cohortId, c.id)).orderBy(asc(modules.position));
      if (mods.length) {
        await tx.db.insert(modules).values(
          mods.map((m) => ({ cohortId: nc!.id, position: m.position, titleEn: m.titleEn, titleFr: m.titleFr, summaryEn: m.summaryEn, summaryFr: m.summaryFr })),
        );
      }
    }
    const questions = await tx.db.select().from(intakeQuestions).where(eq(intakeQuestions.groupId, source.id)).orderBy(asc(intakeQuestions.position));
    if (questions.length) {
      await tx.db.insert(intakeQuestions).values(
        questions.map((x) => ({ groupId: id, position: x.position, type: x.type, labelEn: x.labelEn, labelFr: x.labelFr, options: x.options, required: x.required })),
      );
    }
    await syncSessions(tx, id);
    await audit(tx, {
      organizationId: source.organizationId,
      action: 'group.duplicated',
      entityType: 'group',
      entityId: id,
      data: { from: source.id },
    });
    return copy!;
  });
}
