import type { Route } from './+types/community-image';
import { readImage } from '../../core/communities/images';
import { CoreError } from '../../core/errors';
import { communityVisitor } from '../lib/community.server';

// An image of a community post. Served only to those who may read the post; everyone else gets
// the same 404, whether the image exists or not. Its address never changes content, so the
// reader's browser keeps it — and no shared cache may.
export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await communityVisitor(args);
  try {
    const image = await readImage({ ctx, input: { imageId: args.params.id } });
    return new Response(new Uint8Array(image.data), {
      headers: {
        'Content-Type': image.contentType,
        'Content-Length': String(image.data.length),
        'Cache-Control': 'private, max-age=31536000, immutable',
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'",
        'Cross-Origin-Resource-Policy': 'same-origin',
      },
    });
  } catch (err) {
    if (err instanceof CoreError && (err.code === 'not_found' || err.code === 'invalid')) {
      return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
    }
    throw err;
  }
}
