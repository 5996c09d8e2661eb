import { mkdtempSync, rmSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import exifr from 'exifr';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createMember, createUser } from '../../tests/support/factories';
import { createCommunity, joinedMember } from '../../tests/support/communities';
import { createContext, type Context } from '../context';
import { diskStore } from '../files/store';
import { createPost, deletePost } from './posts';
import { getPost, listFeed } from './feed';
import { readImage } from './images';
import { removeContent, sanctionMember } from './moderation';

const NOW = new Date('2026-12-06T15:00:00Z');
let t: TestDatabase;
let dir: string;
const files = () => diskStore(path.join(dir, 'files'));
const as = (userId: string): Context => createContext(t.db, { now: NOW, actor: { type: 'user', userId }, files: files() });

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
  dir = mkdtempSync(path.join(tmpdir(), 'cercle-images-'));
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A photo as a phone takes it: large, with the camera and where it was taken in its EXIF. */
function phonePhoto() {
  return sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r: 180, g: 110, b: 90 } } })
    .jpeg()
    .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'Pocket 9' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '45/1 30/1 17/1', GPSLongitudeRef: 'W', GPSLongitude: '73/1 34/1 2/1' } })
    .toBuffer();
}

/** The chunks of a RIFF (WebP) file: where EXIF, XMP or a colour profile would be. */
function riffChunks(data: Buffer): string[] {
  expect(data.toString('latin1', 0, 4)).toBe('RIFF');
  const chunks: string[] = [];
  for (let at = 12; at + 8 <= data.length; ) {
    const size = data.readUInt32LE(at + 4);
    chunks.push(data.toString('latin1', at, at + 4));
    at += 8 + size + (size % 2);
  }
  return chunks;
}

async function setting() {
  const { user: owner, organizationId } = await createMember(t, 'owner');
  const g = await createCommunity(t, { organizationId });
  const ana = await joinedMember(t, g.id, owner.id, 'Ana', new Date(NOW.getTime() - 30 * 86_400_000));
  const bo = await joinedMember(t, g.id, owner.id, 'Bo', new Date(NOW.getTime() - 30 * 86_400_000));
  return { owner, g, ana, bo };
}

describe('images in posts', () => {
  it('are re-encoded smaller, without EXIF or GPS, and served only to those who may read the post', async () => {
    const { owner, g, ana, bo } = await setting();
    const photo = await phonePhoto();
    expect((await exifr.gps(photo))?.latitude).toBeCloseTo(45.5047, 3);

    const { postId } = await createPost({ ctx: as(ana.id), input: { community: g.id, body: 'Our garden, this morning.', images: [{ data: photo, alt: 'A garden bed with red flowers' }] } });
    const { post } = await getPost({ ctx: as(bo.id), input: { postId } });
    expect(post.images).toEqual([{ id: expect.any(String), alt: 'A garden bed with red flowers', width: 1600, height: 1067 }]);
    expect((await listFeed({ ctx: as(bo.id), input: { community: g.id } })).posts[0]!.images).toHaveLength(1);

    const served = await readImage({ ctx: as(bo.id), input: { imageId: post.images[0]!.id } });
    expect(served.contentType).toBe('image/webp');
    const meta = await sharp(served.data).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif, meta.xmp, meta.icc]).toEqual(['webp', 1600, 1067, undefined, undefined, undefined]);
    expect(riffChunks(served.data).filter((c) => ['EXIF', 'XMP ', 'ICCP'].includes(c))).toEqual([]);
    expect(served.data.includes(Buffer.from('PhoneMaker'))).toBe(false);

    // Not a member, signed out, banned: not found, as if it did not exist.
    const stranger = await createUser(t);
    const imageId = post.images[0]!.id;
    await expect(readImage({ ctx: as(stranger.id), input: { imageId } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(readImage({ ctx: createContext(t.db, { now: NOW, files: files() }), input: { imageId } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(readImage({ ctx: as(owner.id), input: { imageId: '00000000-0000-4000-8000-000000000000' } })).rejects.toMatchObject({ code: 'not_found' });
    expect((await readImage({ ctx: as(owner.id), input: { imageId } })).data.length).toBe(served.data.length);
    // A removed post's image: its author and the moderators only.
    await removeContent({ ctx: as(owner.id), input: { postId, reason: 'Shows the house number.' } });
    await expect(readImage({ ctx: as(bo.id), input: { imageId } })).rejects.toMatchObject({ code: 'not_found' });
    expect((await readImage({ ctx: as(ana.id), input: { imageId } })).data.length).toBe(served.data.length);
    await sanctionMember({ ctx: as(owner.id), input: { memberId: ana.memberId, sanction: 'ban', reason: 'x' } });
    await expect(readImage({ ctx: as(ana.id), input: { imageId } })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses what is not a JPEG, PNG or WebP, or too many, storing nothing; deleting the post deletes its files', async () => {
    const { g, ana } = await setting();
    const before = await countFiles();
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).gif().toBuffer();
    await expect(createPost({ ctx: as(ana.id), input: { community: g.id, body: 'x', images: [{ data: gif }] } })).rejects.toMatchObject({ code: 'invalid', issues: [expect.objectContaining({ path: 'images.0', message: 'not_an_image' })] });
    await expect(createPost({ ctx: as(ana.id), input: { community: g.id, body: 'x', images: [{ data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') }] } })).rejects.toMatchObject({ code: 'invalid' });
    await expect(createPost({ ctx: as(ana.id), input: { community: g.id, body: 'x', images: [{ data: new Uint8Array(8 * 1024 * 1024 + 1) }] } })).rejects.toMatchObject({ code: 'invalid' });
    const png = await sharp({ create: { width: 40, height: 30, channels: 4, background: '#336699' } }).png().toBuffer();
    await expect(createPost({ ctx: as(ana.id), input: { community: g.id, body: 'x', images: Array.from({ length: 5 }, () => ({ data: png })) } })).rejects.toMatchObject({ code: 'invalid' });
    expect(await countFiles()).toBe(before);

    // A small image is not enlarged.
    const { postId } = await createPost({ ctx: as(ana.id), input: { community: g.id, body: 'Two small ones.', images: [{ data: png }, { data: png, alt: 'Blue' }] } });
    expect((await getPost({ ctx: as(ana.id), input: { postId } })).post.images.map((i) => [i.width, i.height, i.alt])).toEqual([
      [40, 30, null],
      [40, 30, 'Blue'],
    ]);
    expect(await countFiles()).toBe(before + 2);
    await deletePost({ ctx: as(ana.id), input: { id: postId } });
    expect(await countFiles()).toBe(before);
  });
});

async function countFiles(): Promise<number> {
  const root = path.join(dir, 'files');
  const walk = async (d: string): Promise<number> => {
    const entries = await readdir(d, { withFileTypes: true }).catch(() => []);
    let n = 0;
    for (const e of entries) n += e.isDirectory() ? await walk(path.join(d, e.name)) : 1;
    return n;
  };
  return walk(root);
}
