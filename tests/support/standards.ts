import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A file of the standards' data the tests check our feeds against (beside the repository, as CI has it). */
export function standardsFile(...parts: string[]): string {
  return path.resolve('..', 'shared', 'standards', ...parts);
}

export function readStandard<T = unknown>(...parts: string[]): T {
  return JSON.parse(readFileSync(standardsFile(...parts), 'utf8')) as T;
}
