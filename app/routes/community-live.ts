import type { Route } from './+types/community-live';
import { allows, communityAccess } from '../../core/communities/access';
import { liveHub } from '../../core/communities/live';
import { communityVisitor } from '../lib/community.server';

// The live news of one community, as Server-Sent Events, for those who may read it: `post` when a
// post is published, `comment` when a comment is (with the post's id), `lost` when this process
// may have missed some. The page then reloads its own data; nothing written travels here.

const HEARTBEAT_MS = 25_000;

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await communityVisitor(args);
  const access = await communityAccess(ctx, args.params.id).catch(() => null);
  if (!access || !allows(access, 'community.read')) {
    return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
  }
  const hub = liveHub(args.context.handle.db);
  const signal = args.request.signal;
  const encoder = new TextEncoder();
  let end = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          end();
        }
      };
      send('retry: 5000\n\n');
      const off = await hub.subscribe(access.group.id, (event) =>
        send(event === 'lost' ? 'event: lost\ndata: {}\n\n' : `event: ${event.kind}\ndata: ${JSON.stringify({ postId: event.postId })}\n\n`),
      );
      const beat = setInterval(() => send(': still here\n\n'), HEARTBEAT_MS);
      end = () => {
        clearInterval(beat);
        off();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      if (signal.aborted) end();
      else signal.addEventListener('abort', () => end(), { once: true });
    },
    cancel() {
      end();
    },
  });
  return new Response(stream, {
    headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' },
  });
}
