import { and, eq, inArray } from 'drizzle-orm';
import { facilitators, groupFacilitators, groupTopics, topics } from '../../db/schema';
import type { Context } from '../context';
import type { Issue } from '../errors';

/** Issues for topic ids that do not exist and facilitators that are not the organization's. */
export async function linkIssues(tx: Context, organizationId: string, topicIds?: string[], facilitatorIds?: string[]): Promise<Issue[]> {
  const issues: Issue[] = [];
  if (topicIds?.length) {
    const found = await tx.db.select({ id: topics.id }).from(topics).where(inArray(topics.id, topicIds));
    if (found.length !== new Set(topicIds).size) issues.push({ path: 'topicIds', message: 'unknown_topic' });
  }
  if (facilitatorIds?.length) {
    const found = await tx.db
      .select({ id: facilitators.id })
      .from(facilitators)
      .where(and(inArray(facilitators.id, facilitatorIds), eq(facilitators.organizationId, organizationId)));
    if (found.length !== new Set(facilitatorIds).size) issues.push({ path: 'facilitatorIds', message: 'unknown_facilitator' });
  }
  return issues;
}

/** Replaces the group's topics and/or facilitators (those given). */
export async function replaceLinks(tx: Context, groupId: string, topicIds?: string[], facilitatorIds?: string[]): Promise<void> {
  if (topicIds) {
    await tx.db.delete(groupTopics).where(eq(groupTopics.groupId, groupId));
    const unique = [...new Set(topicIds)];
    if (unique.length) await tx.db.insert(groupTopics).values(unique.map((topicId) => ({ groupId, topicId })));
  }
  if (facilitatorIds) {
    await tx.db.delete(groupFacilitators).where(eq(groupFacilitators.groupId, groupId));
    const unique = [...new Set(facilitatorIds)];
    if (unique.length) {
      await tx.db.insert(groupFacilitators).values(unique.map((facilitatorId, position) => ({ groupId, facilitatorId, position })));
    }
  }
}
