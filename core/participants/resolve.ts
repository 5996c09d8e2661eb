import { eq } from 'drizzle-orm';
import { participants } from '../../db/schema';
import type { Context } from '../context';
import { NotFound } from '../errors';
import { verifyManageToken } from './manage-link';

/** The participant a manage link belongs to; a forged, altered or stale link is simply not found. */
export async function participantFromToken(ctx: Context, token: string) {
  const id = verifyManageToken(ctx.settings, token);
  if (!id) throw new NotFound('manage link');
  const [row] = await ctx.db.select().from(participants).where(eq(participants.id, id));
  if (!row) throw new NotFound('manage link');
  return row;
}
