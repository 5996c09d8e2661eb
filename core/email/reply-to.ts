import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { organizations, users } from '../../db/schema';
import type { Context } from '../context';

const address = z.email().max(254);

/** A stored address when it is one; anything else (empty, mistyped) counts as none. */
function usable(value: string | null | undefined): string | null {
  const v = value?.trim();
  return v && address.safeParse(v).success ? v : null;
}

/**
 * Where replies to an organizer's email to participants go (its Reply-To): the organization's
 * contact address; when the organization has none, the account address of the organizer who
 * sends it (they chose to write, so they are the one to answer). Null only when neither exists,
 * e.g. for mail sent by the worker on nobody's behalf. See docs/decisions/0008-reply-to.md.
 */
export async function replyAddressFor(ctx: Context, organizationId: string): Promise<string | null> {
  const [org] = await ctx.db.select({ email: organizations.email }).from(organizations).where(eq(organizations.id, organizationId));
  const contact = usable(org?.email);
  if (contact) return contact;
  if (ctx.actor.type !== 'user') return null;
  const [user] = await ctx.db.select({ email: users.email }).from(users).where(eq(users.id, ctx.actor.userId));
  return usable(user?.email);
}
