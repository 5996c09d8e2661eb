import { afterEach, describe, expect, it } from 'vitest';
import { clearSearchCaches, SearchCache, setSearchCacheSeconds } from './search-cache';

describe('the cache of counted searches', () => {
  afterEach(() => setSearchCacheSeconds(30));

  it('keeps what was counted, forgets the least recently used first, and within a size', () => {
    const cache = new SearchCache<{ n: number; bytes: number }>({ entries: 2, bytes: 100, sizeOf: (v) => v.bytes });
    cache.set('a', { n: 1, bytes: 10 });
    cache.set('b', { n: 2, bytes: 10 });
    expect(cache.get('a')?.n).toBe(1);
    cache.set('c', { n: 3, bytes: 10 });
    expect([cache.get('a')?.n, cache.get('b'), cache.get('c')?.n]).toEqual([1, undefined, 3]);
    cache.set('big', { n: 4, bytes: 95 });
    expect([cache.get('a'), cache.get('c'), cache.get('big')?.n]).toEqual([undefined, undefined, 4]);
  });

  it('drops an entry its owner no longer accepts, and everything when the rows change', () => {
    const cache = new SearchCache<{ version: number }>();
    cache.set('q', { version: 1 });
    expect(cache.get('q', (v) => v.version === 2)).toBeUndefined();
    expect(cache.get('q')).toBeUndefined();
    cache.set('q', { version: 2 });
    clearSearchCaches();
    expect(cache.get('q')).toBeUndefined();
  });

  it('keeps nothing when its time-to-live is 0', () => {
    const cache = new SearchCache<number>();
    setSearchCacheSeconds(0);
    expect(cache.on).toBe(false);
    cache.set('q', 1);
    expect(cache.get('q')).toBeUndefined();
  });
});
