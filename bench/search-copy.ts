import v8 from 'node:v8';
import vm from 'node:vm';
import type { DatabaseHandle } from '../db/client';
import { attachSearchIndex, detachSearchIndex } from '../core/search/search-index';

/**
 * Loads the copy of the search rows in this process: how long it takes, and what it holds in
 * memory once garbage is collected (JS heap and typed arrays). `keep`: leave it attached (to
 * search with it next); otherwise it is dropped again.
 */
export async function measureSearchCopy(handle: DatabaseHandle, { keep = false } = {}) {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      gc();
      await new Promise((r) => setTimeout(r, 200));
    }
    return process.memoryUsage();
  };
  const before = await settle();
  const started = performance.now();
  await attachSearchIndex(handle.db);
  const loadMs = Math.round(performance.now() - started);
  const after = await settle();
  if (!keep) await detachSearchIndex(handle.db);
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
  return {
    copy_load_ms: loadMs,
    copy_mb: mb(after.heapUsed + after.external - before.heapUsed - before.external),
    heap_mb: mb(after.heapUsed - before.heapUsed),
    arrays_mb: mb(after.arrayBuffers - before.arrayBuffers),
    rss_mb: mb(after.rss),
  };
}
