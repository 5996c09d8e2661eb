import '../../i18n/areas/community';
import type { Route } from './+types/community-live';
import { allows, communityAccess } from '../../core/communities/access';
import { communityVisitor } from '../lib/community.server';
import { liveStream, notFoundText } from '../lib/live.server';

// The live news of one community, as Server-Sent Events, for those who may read it: `post` when a
// post is published, `comment` when a comment is (with the post's id), `lost` when this process
// may have missed some. The page then reloads its own data; nothing written travels here.
export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await communityVisitor(args);
  const access = await communityAccess(ctx, args.params.id).catch(() => null);
  if (!access || !allows(access, 'community.read')) return notFoundText();
  return liveStream(args.context.handle.db, access.group.id, args.request.signal);
}
