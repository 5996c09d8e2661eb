// CPU time spent by processes during a run, read from Linux's /proc, to say which of the app
// server, PostgreSQL and the load generator a request's cost goes to when they share the cores.
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's times (USER_HZ: 100 on Linux for every architecture in use). */
const TICKS = 100;

function stat(pid: number): { ppid: number; ticks: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name, in parentheses, may hold spaces: the fields start after its closing one.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null; // gone, or not Linux
  }
}

/** A process and all its descendants (a clustered server's workers). */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const s = stat(pid);
    if (s) children.set(s.ppid, [...(children.get(s.ppid) ?? []), pid]);
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    out.push(pid);
    for (const c of children.get(pid) ?? []) walk(c);
  };
  walk(root);
  return out;
}

/** CPU seconds (user + system) used so far by these processes together. */
export function cpuSeconds(pids: number[]): number {
  return pids.reduce((sum, pid) => sum + (stat(pid)?.ticks ?? 0), 0) / TICKS;
}

/**
 * Measures the CPU used from now on by the app server (the process `appPid` and its children),
 * the database's server processes (`backends()`, listed again at the end) and this process (the
 * load generator), in ms per request.
 */
export async function cpuMeter(appPid: number, backends: () => Promise<number[]>) {
  const appPids = processTree(appPid);
  const dbStart = new Map((await backends()).map((pid) => [pid, cpuSeconds([pid])]));
  const start = { app: cpuSeconds(appPids), load: process.cpuUsage() };
  return {
    async msPer(requests: number) {
      // A connection opened during the run used all its time in it (one closed during it is missed).
      let db = 0;
      for (const pid of await backends()) db += cpuSeconds([pid]) - (dbStart.get(pid) ?? 0);
      const used = process.cpuUsage(start.load);
      const per = (seconds: number) => Math.round((seconds * 1000 * 100) / requests) / 100;
      return { app: per(cpuSeconds(appPids) - start.app), database: per(db), loadGenerator: per((used.user + used.system) / 1e6) };
    },
  };
}
