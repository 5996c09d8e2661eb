import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/** Raised when another process already holds the embedded database folder. */
export class DataFolderLockedError extends Error {
  constructor(public readonly dataDir: string) {
    super(
      `The data folder ${dataDir} is already in use by another Cercle process. ` +
        'The embedded database allows one process at a time: stop the other process, ' +
        'or give this one its own folder with DATA_DIR (or use PostgreSQL with DATABASE_URL).',
    );
    this.name = 'DataFolderLockedError';
  }
}

// The embedded database's folder is held by one process at a time, and two writers lose data.
//
// proper-lockfile gives the atomic part (a lock directory made with mkdir) and keeps its mtime
// fresh. On its own it judges a lock by comparing that mtime with the wall clock, so a clock that
// jumps (a resumed virtual machine, an NTP step, or two processes under different clocks) would
// make a healthy holder give up, or let a second process take a held folder. So the holder also
// writes who it is beside the lock (pid, boot and the process's start, which no clock changes),
// and the clock only decides for a holder that is gone:
// - a contender refuses whenever the recorded holder is alive, whatever the lock's mtime says;
// - a recorded holder that is gone (crashed, or the machine restarted) leaves a lock that is taken
//   over once its mtime is older than proper-lockfile's minimum (2 s), without a ten-second wait;
// - the holder keeps the folder when proper-lockfile reports the lock as compromised while the
//   record beside it is still its own (only the clock moved), and stops only when another process
//   has really taken it.

/** Who holds the folder: enough to tell, without any clock, whether that process still runs. */
interface Holder {
  pid: number;
  token: string;
  /** Linux: the boot's id and the process's start in clock ticks since boot (pid reuse). */
  boot: string | null;
  start: string | null;
}

const readText = (file: string): string | null => {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
};
const BOOT = readText('/proc/sys/kernel/random/boot_id');
/** Field 22 of /proc/PID/stat (after the command name, which may hold spaces). */
const startOf = (pid: number): string | null => readText(`/proc/${pid}/stat`)?.split(') ').at(-1)?.split(' ')[19] ?? null;

function alive(h: Holder): boolean {
  if (h.boot && BOOT && h.boot !== BOOT) return false;
  try {
    process.kill(h.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const start = startOf(h.pid);
  return !(h.start && start && start !== h.start);
}

function readHolder(file: string): Holder | null {
  const text = readText(file);
  if (!text) return null;
  try {
    const h = JSON.parse(text) as Holder;
    return typeof h.pid === 'number' && typeof h.token === 'string' ? h : null;
  } catch {
    return null;
  }
}

export interface DataFolderLock {
  release(): Promise<void>;
}

export async function lockDataFolder(
  dir: string,
  options: { warn?: (line: string) => void; lost?: (err: Error) => void } = {},
): Promise<DataFolderLock> {
  const lockPath = path.join(dir, 'cercle.lock');
  const holderPath = path.join(dir, 'cercle.holder');
  const warn = options.warn ?? ((line) => console.warn(line));
  const lost =
    options.lost ??
    ((err: Error) => {
      console.error(`Lost the lock on ${dir}; stopping to protect the data.`, err);
      process.exit(1);
    });

  const previous = readHolder(holderPath);
  if (previous && previous.pid !== process.pid && alive(previous)) throw new DataFolderLockedError(dir);
  const me: Holder = { pid: process.pid, token: randomBytes(12).toString('hex'), boot: BOOT, start: startOf(process.pid) };
  const isMine = () => readHolder(holderPath)?.token === me.token;

  let compromised = false;
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, {
      lockfilePath: lockPath,
      // A holder known to be gone needs no grace period beyond the library's minimum.
      stale: previous && !alive(previous) ? 2_000 : 10_000,
      update: 2_000,
      retries: 0,
      realpath: false,
      onCompromised: (err) => {
        compromised = true;
        if (isMine()) warn(`The clock moved under the lock on ${dir}; this process still holds it and keeps the data folder.`);
        else lost(err);
      },
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataFolderLockedError(dir);
    throw err;
  }
  const draft = `${holderPath}.${me.token}`;
  writeFileSync(draft, JSON.stringify(me));
  renameSync(draft, holderPath);

  return {
    async release() {
      const mine = isMine();
      if (mine) rmSync(holderPath, { force: true });
      if (!compromised) return release();
      if (!mine) return;
      // proper-lockfile let go of a lock we kept: remove its directory ourselves.
      try {
        rmdirSync(lockPath);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    },
  };
}
