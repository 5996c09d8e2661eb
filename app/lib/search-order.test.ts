import { describe, expect, it } from 'vitest';
import { orderAfter, readSortedFor, sortedFor } from './search-order';

describe('the order a search keeps', () => {
  it('gives way to the best match when keywords are newly typed and the order was left as it was', () => {
    expect(orderAfter({ q: '', sort: 'soonest' }, { q: 'grief', sort: 'soonest' })).toBeUndefined();
    expect(orderAfter({ q: 'grief', sort: 'soonest' }, { q: 'grief widow', sort: 'soonest' })).toBeUndefined();
  });

  it('keeps an order the person chose in the same submission, or when the words did not change', () => {
    expect(orderAfter({ q: '', sort: 'relevance' }, { q: 'grief', sort: 'soonest' })).toBe('soonest');
    expect(orderAfter({ q: 'grief', sort: 'soonest' }, { q: ' grief ', sort: 'soonest' })).toBe('soonest');
    expect(orderAfter({ q: 'grief', sort: 'newest' }, { q: '', sort: 'newest' })).toBe('newest');
  });

  it('reads back what the form recorded, words with colons included', () => {
    expect(readSortedFor(sortedFor({ sort: 'soonest', q: 'deuil: enfant' }))).toEqual({ sort: 'soonest', q: 'deuil: enfant' });
    expect(readSortedFor('soonest')).toEqual({ sort: 'soonest' });
  });
});
