import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { audit } from '../facilitators/shared';

export const makePlatformAdminInput = z.object({
  email: z
    .string({ error: 'required' })
    .trim()
    .toLowerCase()
    .max(254, { error: 'invalid_email' })
    .pipe(z.email({ error: 'invalid_email' })),
  /** The name of a new account; an existing account keeps its own. */
  name: z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(120, { error: 'too_long' }),
});
export type MakePlatformAdminInput = z.input<typeof makePlatformAdminInput>;

export type MakePlatformAdminResult =
  | { outcome: 'created'; userId: string; email: string }
  | { outcome: 'promoted'; userId: string; email: string }
  | { outcome: 'unchanged'; userId: string; email: string };

/**
 * Makes someone a platform administrator, from the command line (the operator of the deployment
 * acts: there is no signed-in user to check). An existing account is promoted; otherwise an
 * account is created with a verified email and no password: its owner signs in with a magic link
 * or by choosing a password through "forgot password".
 */
export async function makePlatformAdmin({ ctx, input }: { ctx: Context; input: MakePlatformAdminInput }): Promise<MakePlatformAdminResult> {
  const q = parseInput(makePlatformAdminInput, input);
  return withTransaction(ctx, async (tx) => {
    const [existing] = await tx.db
      .select({ id: users.id, email: users.email, isPlatformAdmin: users.isPlatformAdmin })
      .from(users)
      .where(eq(sql`lower(${users.email})`, q.email))
      .for('update');
    if (existing?.isPlatformAdmin) return { outcome: 'unchanged', userId: existing.id, email: existing.email };
    if (existing) {
      await tx.db.update(users).set({ isPlatformAdmin: true, updatedAt: tx.now }).where(eq(users.id, existing.id));
      await audit(tx, { organizationId: null, action: 'user.platform_admin_granted', entityType: 'user', entityId: existing.id, data: { email: existing.email } });
      return { outcome: 'promoted', userId: existing.id, email: existing.email };
    }
    const id = globalThis.crypto.randomUUID();
    await tx.db.insert(users).values({
      id,
      email: q.email,
      name: q.name,
      emailVerified: true,
      isPlatformAdmin: true,
      createdAt: tx.now,
      updatedAt: tx.now,
    });
    await audit(tx, { organizationId: null, action: 'user.platform_admin_created', entityType: 'user', entityId: id, data: { email: q.email } });
    return { outcome: 'created', userId: id, email: q.email };
  });
}
