import type { Route } from './+types/community-conversation-live';
import { getConversation } from '../../core/communities/messages';
import { communityVisitor } from '../lib/community.server';
import { liveStream, notFoundText } from '../lib/live.server';

// The live news of one private conversation (a new message), for its two members only.
export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await communityVisitor(args);
  const conversation = await getConversation({ ctx, input: { conversationId: args.params.id } }).catch(() => null);
  if (!conversation) return notFoundText();
  return liveStream(args.context.handle.db, conversation.id, args.request.signal);
}
