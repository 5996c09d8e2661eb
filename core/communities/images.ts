import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import sharp from 'sharp';
import { z } from 'zod';
import { communityImages, communityPosts } from '../../db/schema';
import { parseInput, type Context } from '../context';
import { Invalid, NotFound } from '../errors';
import type { FileStore } from '../files/store';
import { allows, communityAccess } from './access';

// Images members attach to posts. What a member uploads is never served as sent: it is decoded,
// turned upright, shrunk to fit the page, and encoded anew as WebP, which drops every piece of
// metadata (EXIF, GPS, camera, ICC). Only those who may read the post get it back.

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** Per image as uploaded. */
export const IMAGE_MAX_BYTES = 8 * 1024 * 1024;
export const IMAGES_PER_POST = 4;
/** The largest request a new post may send: its images and its text (server/body-limits.ts). */
export const POST_BODY_LIMIT = IMAGES_PER_POST * IMAGE_MAX_BYTES + 256 * 1024;
/** The longest side of a stored image, in pixels. */
export const IMAGE_MAX_SIDE = 1600;
/** Refuses decompression bombs: a small file that decodes into a huge picture. */
const MAX_INPUT_PIXELS = 50_000_000;
export const ALT_MAX = 500;

export const imageUpload = z.object({
  data: z.instanceof(Uint8Array).refine((d) => d.byteLength > 0 && d.byteLength <= IMAGE_MAX_BYTES, { message: 'too_large' }),
  alt: z
    .string()
    .trim()
    .max(ALT_MAX)
    .optional()
    .transform((v) => v || undefined),
});
export type ImageUpload = z.input<typeof imageUpload>;

export interface PreparedImage {
  key: string;
  data: Buffer;
  width: number;
  height: number;
  alt: string | undefined;
}

/**
 * Decodes and re-encodes the uploaded images of a post (JPEG, PNG or WebP only); anything else, or
 * a file that does not decode, is refused with the image's place (`images.<n>`).
 */
export async function prepareImages(groupId: string, uploads: z.output<typeof imageUpload>[]): Promise<PreparedImage[]> {
  const prepared: PreparedImage[] = [];
  for (const [n, upload] of uploads.entries()) {
    const refuse = (message: string) => new Invalid([{ path: `images.${n}`, message }]);
    let format: string | undefined;
    try {
      format = (await sharp(upload.data, { limitInputPixels: MAX_INPUT_PIXELS }).metadata()).format;
    } catch {
      throw refuse('not_an_image');
    }
    if (!format || !['jpeg', 'png', 'webp'].includes(format)) throw refuse('not_an_image');
    try {
      const { data, info } = await sharp(upload.data, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
        .rotate()
        .resize({ width: IMAGE_MAX_SIDE, height: IMAGE_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer({ resolveWithObject: true });
      prepared.push({ key: `community/${groupId}/${randomUUID()}.webp`, data, width: info.width, height: info.height, alt: upload.alt });
    } catch {
      throw refuse('not_an_image');
    }
  }
  return prepared;
}

/** The file store of the context; a deployment without one takes no uploads. */
export function storeOf(ctx: Context): FileStore {
  if (!ctx.files) throw new Error('no file store in this context');
  return ctx.files;
}

/** Keeps prepared images, then runs `attach` (the database rows); when it fails, the files go too. */
export async function keepImages<T>(ctx: Context, images: PreparedImage[], attach: () => Promise<T>): Promise<T> {
  if (images.length === 0) return attach();
  const files = storeOf(ctx);
  await Promise.all(images.map((i) => files.put(i.key, i.data)));
  try {
    return await attach();
  } catch (err) {
    await Promise.all(images.map((i) => files.remove(i.key)));
    throw err;
  }
}

/** The rows of prepared images of a post, in their order. */
export function imageRows(ctx: Context, groupId: string, postId: string, images: PreparedImage[]) {
  return images.map((i, position) => ({
    groupId,
    postId,
    position,
    storageKey: i.key,
    contentType: 'image/webp',
    width: i.width,
    height: i.height,
    bytes: i.data.byteLength,
    alt: i.alt ?? null,
    createdAt: ctx.now,
  }));
}

/** Forgets the images of a post: its rows (by the caller's delete or here) and its files. */
export async function dropImages(ctx: Context, postId: string): Promise<void> {
  const gone = await ctx.db.delete(communityImages).where(eq(communityImages.postId, postId)).returning({ key: communityImages.storageKey });
  if (gone.length) await Promise.all(gone.map((g) => storeOf(ctx).remove(g.key)));
}

export interface ImageView {
  id: string;
  alt: string | null;
  width: number;
  height: number;
}

/** The images of some posts, by post, in order. */
export async function imagesOf(ctx: Context, postIds: string[]): Promise<Map<string, ImageView[]>> {
  const byPost = new Map<string, ImageView[]>();
  if (postIds.length === 0) return byPost;
  const rows = await ctx.db
    .select({ id: communityImages.id, postId: communityImages.postId, alt: communityImages.alt, width: communityImages.width, height: communityImages.height })
    .from(communityImages)
    .where(inArray(communityImages.postId, postIds))
    .orderBy(asc(communityImages.postId), asc(communityImages.position));
  for (const { postId, ...view } of rows) byPost.set(postId, [...(byPost.get(postId) ?? []), view]);
  return byPost;
}

export const readImageInput = z.object({ imageId: z.uuid() });

/**
 * An image's bytes, for those who may read its post: the community's members (and its
 * organization's owners and admins). A removed post's images reach only its author and the
 * moderators. Anyone else — outsiders, a banned person, a signed-out visitor — is told it is not
 * found, so nothing says that it exists.
 */
export async function readImage({ ctx, input }: { ctx: Context; input: z.input<typeof readImageInput> }) {
  const q = parseInput(readImageInput, input);
  const [found] = await ctx.db
    .select({ key: communityImages.storageKey, contentType: communityImages.contentType, groupId: communityImages.groupId, post: communityPosts })
    .from(communityImages)
    .innerJoin(communityPosts, eq(communityPosts.id, communityImages.postId))
    .where(and(eq(communityImages.id, q.imageId)));
  if (!found || found.post.deletedAt) throw new NotFound('image');
  const access = await communityAccess(ctx, found.groupId).catch(() => null);
  if (!access || !allows(access, 'community.read')) throw new NotFound('image');
  if (found.post.removedAt && found.post.authorId !== access.userId && !allows(access, 'community.moderate')) throw new NotFound('image');
  const data = await storeOf(ctx).get(found.key);
  if (!data) throw new NotFound('image');
  return { data, contentType: found.contentType };
}
