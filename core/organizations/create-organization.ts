import { like } from 'drizzle-orm';
import { organizationMembers, organizations } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { requireUserId } from '../policy/permissions';
import { audit, organizationProfileInput, profileColumns, slugify, type OrganizationProfileInput } from './shared';

export const createOrganizationInput = organizationProfileInput;
export type CreateOrganizationInput = OrganizationProfileInput;

/**
 * Any signed-in person may create an organization; they become its owner. Its slug (the address
 * of its organizer pages) comes from the name, with a number added when it is taken.
 */
export async function createOrganization({
  ctx,
  input,
}: {
  ctx: Context;
  input: CreateOrganizationInput;
}): Promise<{ id: string; slug: string }> {
  const userId = requireUserId(ctx);
  const profile = parseInput(createOrganizationInput, input);
  const base = slugify(profile.nameEn ?? profile.nameFr!);
  return withTransaction(ctx, async (tx) => {
    const taken = new Set(
      (await tx.db.select({ slug: organizations.slug }).from(organizations).where(like(organizations.slug, `${base}%`))).map(
        (r) => r.slug,
      ),
    );
    let n = 1;
    const candidate = () => (n === 1 ? base : `${base}-${n}`);
    // The unique constraint decides between two people creating the same name at once: a
    // conflicting insert writes nothing and the next number is tried.
    for (;;) {
      while (taken.has(candidate())) n++;
      const slug = candidate();
      const [row] = await tx.db
        .insert(organizations)
        .values({ slug, ...profileColumns(profile), createdAt: tx.now, updatedAt: tx.now })
        .onConflictDoNothing({ target: organizations.slug })
        .returning({ id: organizations.id });
      if (!row) {
        taken.add(slug);
        continue;
      }
      await tx.db.insert(organizationMembers).values({ organizationId: row.id, userId, role: 'owner', createdAt: tx.now });
      await audit(tx, {
        organizationId: row.id,
        action: 'organization.created',
        entityType: 'organization',
        entityId: row.id,
        data: { slug, nameEn: profile.nameEn, nameFr: profile.nameFr },
      });
      return { id: row.id, slug };
    }
  });
}
