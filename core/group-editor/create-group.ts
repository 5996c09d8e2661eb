import { z } from 'zod';
import { groups } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { Invalid } from '../errors';
import { requirePermission } from '../policy/permissions';
import { attributeIssues, groupAttributes, NEW_GROUP_DEFAULTS, normalizeColumns, titleLanguageIssues, type GroupColumns } from './group-input';
import { titleLanguages } from './choices';
import { audit, freshSlugs } from './shared';

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
    // Offered in the languages of its titles, unless the languages are given (then they must match).
    languages: q.languages ?? (titleLanguages(q).length ? titleLanguages(q) : ['en']),
    intakeScreening: q.kind === 'group_therapy',
    attendanceTracked: q.kind === 'group_therapy',
  });
  const issues = [...attributeIssues(columns), ...(q.languages ? titleLanguageIssues(columns) : [])];
  if (issues.length) throw new Invalid(issues);
  return withTransaction(ctx, async (tx) => {
    const { slug, slugFr } = await freshSlugs(tx, q.titleEn ?? null, q.titleFr ?? null);
    const [row] = await tx.db
      .insert(groups)
      .values({ ...columns, slug, slugFr, organizationId: q.organizationId, status: 'draft', createdAt: tx.now, updatedAt: tx.now })
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
