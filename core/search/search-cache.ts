// The one cache of counted searches, for both engines: the database's facet counts (facets.ts)
// and the in-memory copy's counts and matching rows (indexed-search.ts). Counts over a large
// candidate set cost a scan of it, so a repeated search reuses them for a short time
// (SEARCH_FACET_CACHE_SECONDS, default 30; 0 turns caching off), keyed by everything that shapes
// them. A refresh of search rows in this process clears every cache at once (other processes on
// the same PostgreSQL see the change within the time-to-live; the in-memory copy also drops what
// its older version counted). Entries go least recently used first, past a number or a size.

let TTL_MS = 30_000;
const caches = new Set<SearchCache<unknown>>();

/** Sets how long counts are kept (the server calls it at start-up from its validated config). */
export function setSearchCacheSeconds(seconds: number): void {
  TTL_MS = Math.max(0, seconds) * 1000;
  clearSearchCaches();
}

/** Forgets every counted search (the search rows changed). */
export function clearSearchCaches(): void {
  for (const cache of caches) cache.clear();
}

export class SearchCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number; bytes: number }>();
  private bytes = 0;

  constructor(
    private readonly limits: { entries: number; bytes?: number; sizeOf?: (value: V) => number } = { entries: 500 },
  ) {
    caches.add(this as SearchCache<unknown>);
  }

  /** Whether anything is kept at all (SEARCH_FACET_CACHE_SECONDS > 0). */
  get on(): boolean {
    return TTL_MS > 0;
  }

  /** The value kept for `key`, if it has not expired and `valid` (by default: always) accepts it. */
  get(key: string, valid: (value: V) => boolean = () => true): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    // Elapsed time, on the monotonic clock: a wall-clock jump neither keeps nor drops entries.
    if (hit.expires > performance.now() && valid(hit.value)) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    this.drop(key);
    return undefined;
  }

  set(key: string, value: V): void {
    if (!this.on) return;
    this.drop(key);
    const bytes = this.limits.sizeOf?.(value) ?? 0;
    this.entries.set(key, { value, expires: performance.now() + TTL_MS, bytes });
    this.bytes += bytes;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.limits.entries && this.bytes <= (this.limits.bytes ?? Infinity)) break;
      this.drop(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  private drop(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.bytes -= old.bytes;
  }
}
