import { z } from 'zod';
import { groups } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { Invalid } from '../errors';
import { requirePermission } from '../policy/permissions';
import { attributeIssues, groupAttributes, NEW_GROUP_DEFAULTS, normalizeColumns, type GroupColumns } from './group-input';
import { audit, freshSlug } from './shared';

const a = groupAttributes.shape;

/** The few choices that shape a group; everything else is filled in the editor afterwards. */
export const createGroupInput = z.object({
  organizationId: z.uuid(),
  titleEn: a.titleEn.optional().default(null),
  titleFr: a.titleFr.optional().default(null),
  kind: a.kind,
  leadership: a.leadership,
  format: a.format,
  delivery: a.delivery,
  dropInStyle: a.dropInStyle.optional(),
  workshopActivity: a.workshopActivity.optional(),
  timeZone: a.timeZone.default('America/Toronto'),
  languages: a.languages.optional(),
});
export type CreateGroupInput = z.input<typeof createGroupInput>;

/** Creates a draft group in an organization. Needs `groups.edit` there. */
export async function createGroup({ ctx, input }: { ctx: Context; input: CreateGroupInput }): Promise<{ id: string; slug: string }> {
  const q = parseInput(createGroupInput, input);
  await requirePermission(ctx, q.organizationId, 'groups.edit');
  const columns: GroupColumns = normalizeColumns({
    ...NEW_GROUP_DEFAULTS,
    titleEn: q.titleEn,
    titleFr: q.titleFr,
    kind: q.kind,
    leadership: q.leadership,
    format: q.format,
    delivery: q.delivery,
    timeZone: q.timeZone,
    dropInStyle: q.format === 'drop_in' ? (q.dropInStyle ?? 'open_forum') : null,
    workshopActivity: q.kind === 'workshop' ? (q.workshopActivity ?? null) : null,
    languages: q.languages ?? (q.titleFr && !q.titleEn ? ['fr'] : ['en']),
    intakeScreening: q.kind === 'group_therapy',
    attendanceTracked: q.kind === 'group_therapy',
  });
  const issues = attributeIssues(columns);
  if (issues.length) throw new Invalid(issues);
  return withTransaction(ctx, async (tx) => {
    const slug = await freshSlug(tx, (q.titleEn ?? q.titleFr)!);
    const [row] = await tx.db
      .insert(groups)
      .values({ ...columns, slug, organizationId: q.organizationId, status: 'draft', createdAt: tx.now, updatedAt: tx.now })
      .returning({ id: groups.id, slug: groups.slug });
    await audit(tx, {
      organizationId: q.organizationId,
      action: 'group.created',
      entityType: 'group',
      entityId: row!.id,
      data: { kind: q.kind, format: q.format },
    });
    return row!;
  });
}
