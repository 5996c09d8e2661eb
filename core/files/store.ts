import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import path from 'node:path';

// Where files people upload are kept. One interface, so that an S3-compatible store can take the
// place of the disk without core changing; the disk store, under DATA_DIR, is the default.

export interface FileStore {
  /** Keeps the bytes under a key (replacing what was there). */
  put(key: string, data: Uint8Array): Promise<void>;
  /** The bytes under a key, or null when there are none. */
  get(key: string): Promise<Buffer | null>;
  /** Forgets a key (nothing happens when it is not there). */
  remove(key: string): Promise<void>;
}

/** Keys are paths of safe segments only: `community/<uuid>/<uuid>.webp`. */
const KEY = /^[a-z0-9-]+(?:\/[a-z0-9-]+)*\.[a-z0-9]+$/;

function checked(key: string): string {
  if (!KEY.test(key)) throw new Error(`not a storage key: ${key}`);
  return key;
}

/** Files in a folder on disk; a write lands whole or not at all (written aside, then renamed). */
export function diskStore(root: string): FileStore {
  const where = (key: string) => path.join(root, ...checked(key).split('/'));
  return {
    async put(key, data) {
      const file = where(key);
      await mkdir(path.dirname(file), { recursive: true });
      const aside = `${file}.${randomUUID()}.part`;
      await writeFile(aside, data);
      await rename(aside, file);
    },
    async get(key) {
      try {
        return await readFile(where(key));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async remove(key) {
      await rm(where(key), { force: true });
    },
  };
}
