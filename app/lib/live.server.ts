import type { Database } from '../../db/client';
import { liveHub } from '../../core/communities/live';

// Server-Sent Events of a community's news, or a conversation's: one subscription to the
// process's hub for as long as the reader keeps the page open. Only ids travel; the page reloads
// its own data, with its own permissions.

const HEARTBEAT_MS = 25_000;

export function notFoundText(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

/** The stream of the news announced on `key` (a community's id, or a conversation's). */
export function liveStream(db: Database, key: string, signal: AbortSignal): Response {
  const hub = liveHub(db);
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
      const off = await hub.subscribe(key, (event) =>
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
