import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, rmdirSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataFolderLockedError, lockDataFolder } from './data-folder-lock';

// The data folder's lock under a clock that jumps. The holder is another process, as a running
// server is; the test plays the contender, and moves the lock's mtime the way a clock jump does
// (forward or back by years) to see that the clock alone neither frees nor takes the folder.

const MODULE = path.join(import.meta.dirname, 'data-folder-lock.ts');
const HOLDER = `
  const { lockDataFolder } = await import(${JSON.stringify(MODULE)});
  await lockDataFolder(process.argv[1]);
  console.log('held');
  setInterval(() => {}, 1000);
`;

interface Holder {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
}

async function startHolder(dir: string): Promise<Holder> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', HOLDER, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('held') && resolve());
    void exited.then((code) => reject(new Error(`holder exited (${code}): ${err}`)));
  });
  return { child, stderr: () => err, exited };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const stillRunning = (h: Holder) => h.child.exitCode === null && h.child.signalCode === null;

let dir: string;
let holder: Holder | null = null;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cercle-lock-'));
});
afterEach(async () => {
  if (holder && stillRunning(holder)) {
    holder.child.kill('SIGKILL');
    await holder.exited;
  }
  holder = null;
  rmSync(dir, { recursive: true, force: true });
});

describe('the data folder lock', { timeout: 60_000 }, () => {
  it('refuses a held folder whatever its mtime says, and the holder keeps it through the jump', async () => {
    holder = await startHolder(dir);
    const lockPath = path.join(dir, 'cercle.lock');
    // As seen by a contender whose clock is years ahead: the lock looks long abandoned.
    utimesSync(lockPath, new Date('2001-01-01T00:00:00Z'), new Date('2001-01-01T00:00:00Z'));
    await expect(lockDataFolder(dir)).rejects.toBeInstanceOf(DataFolderLockedError);
    // The holder's next refresh (every 2 s) finds an mtime it did not write.
    await sleep(3_000);
    expect(stillRunning(holder)).toBe(true);
    expect(holder.stderr()).toContain('The clock moved under the lock');
    // And back again: a lock dated in the future changes nothing either.
    utimesSync(lockPath, new Date('2040-01-01T00:00:00Z'), new Date('2040-01-01T00:00:00Z'));
    await expect(lockDataFolder(dir)).rejects.toBeInstanceOf(DataFolderLockedError);
    await sleep(2_500);
    expect(stillRunning(holder)).toBe(true);
  });

  it('takes over the folder of a holder that crashed, without waiting for the clock', async () => {
    holder = await startHolder(dir);
    holder.child.kill('SIGKILL');
    await holder.exited;
    const started = performance.now();
    let lock = null;
    while (!lock && performance.now() - started < 8_000) {
      lock = await lockDataFolder(dir, { warn: () => {} }).catch((err: unknown) => {
        if (!(err instanceof DataFolderLockedError)) throw err;
        return null;
      });
      if (!lock) await sleep(250);
    }
    expect(lock).not.toBeNull();
    // Well under the ten seconds a lock of unknown holder is given.
    expect(performance.now() - started).toBeLessThan(6_000);
    await lock!.release();
    // Released: the next one gets it at once.
    const again = await lockDataFolder(dir);
    await again.release();
  });

  it('stops the holder when another process has really taken the folder', async () => {
    holder = await startHolder(dir);
    // Someone removed the lock and recorded themselves as the holder.
    rmdirSync(path.join(dir, 'cercle.lock'));
    writeFileSync(path.join(dir, 'cercle.holder'), JSON.stringify({ pid: process.pid, token: 'someone-else', boot: null, start: null }));
    const code = await Promise.race([holder.exited, sleep(8_000).then(() => 'still running')]);
    expect(code).toBe(1);
    expect(holder.stderr()).toContain('stopping to protect the data');
  });
});
