import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { participants } from '../../db/schema';
import { parseInput, type Context } from '../context';
import { participantFromToken } from './resolve';

export const setDiscreetInput = z.object({ token: z.string().min(1).max(200), on: z.boolean() });

/**
 * Turns discreet mode on or off from a manage link (issue 36). Emails are written when they are
 * sent, from the setting at that moment: the change applies to every email not sent yet.
 */
export async function setDiscreet({ ctx, input }: { ctx: Context; input: z.input<typeof setDiscreetInput> }): Promise<{ discreet: boolean }> {
  const q = parseInput(setDiscreetInput, input);
  const person = await participantFromToken(ctx, q.token);
  if (person.discreet !== q.on) await ctx.db.update(participants).set({ discreet: q.on }).where(eq(participants.id, person.id));
  return { discreet: q.on };
}
