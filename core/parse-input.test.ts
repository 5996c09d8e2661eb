import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseInput } from './context';

describe('parseInput', () => {
  it('takes the NUL character out of every string (PostgreSQL refuses it in text), and keeps bytes as they are', () => {
    const schema = z.object({ name: z.string(), answers: z.record(z.string(), z.string()), tags: z.array(z.string()), image: z.instanceof(Uint8Array) });
    const image = new Uint8Array([0, 1, 0]);
    const out = parseInput(schema, { name: 'A\u0000na', answers: { q: '\u0000yes' }, tags: ['x\u0000'], image });
    expect(out).toEqual({ name: 'Ana', answers: { q: 'yes' }, tags: ['x'], image });
    expect(out.image).toBe(image);
  });
});
