import { PassThrough } from 'node:stream';
import type { AppLoadContext, EntryContext } from 'react-router';
import { ServerRouter } from 'react-router';
import { createReadableStreamFromReadable } from '@react-router/node';
import { renderToPipeableStream } from 'react-dom/server';
import { isbot } from 'isbot';

// Renders a page as a stream, as React Router does by default, with this response's nonce
// (server/security-headers.ts) on every inline script React Router and React write, so the
// Content-Security-Policy can refuse any other inline script.

/** How long a streamed page may wait for deferred data before the rest is sent as errors. */
export const streamTimeout = 5_000;

export default function handleRequest(request: Request, status: number, headers: Headers, context: EntryContext, loadContext: AppLoadContext) {
  if (request.method.toUpperCase() === 'HEAD') return new Response(null, { status, headers });
  const nonce = loadContext.cspNonce;
  // Crawlers get the whole page at once; people get the shell as soon as it is ready.
  const userAgent = request.headers.get('user-agent');
  const whenReady = userAgent && isbot(userAgent) ? 'onAllReady' : 'onShellReady';
  return new Promise<Response>((resolve, reject) => {
    let shellSent = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const { pipe, abort } = renderToPipeableStream(<ServerRouter context={context} url={request.url} nonce={nonce} />, {
      nonce,
      [whenReady]() {
        shellSent = true;
        const body = new PassThrough({
          final(done) {
            clearTimeout(timer);
            timer = undefined;
            done();
          },
        });
        headers.set('Content-Type', 'text/html; charset=utf-8');
        pipe(body);
        resolve(new Response(createReadableStreamFromReadable(body), { status, headers }));
      },
      onShellError: reject,
      onError(error: unknown) {
        status = 500;
        // Errors before the shell are logged by React Router; later ones only here.
        if (shellSent) console.error(error);
      },
    });
    timer = setTimeout(abort, streamTimeout + 1000);
  });
}
