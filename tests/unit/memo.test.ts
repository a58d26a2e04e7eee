import { describe, expect, it } from 'vitest';
import { boundedMemo } from '@/lib/memo';

describe('boundedMemo (lib/memo.ts)', () => {
  it('computes each key once, null answers included, and starts over past its limit', () => {
    const calls: string[] = [];
    const f = boundedMemo(2, (k: string) => (calls.push(k), k === 'none' ? null : k.toUpperCase()));
    expect([f('a'), f('a'), f('none'), f('none')]).toEqual(['A', 'A', null, null]);
    expect(calls).toEqual(['a', 'none']);
    f('b');
    f('c'); // the Map held 3 (> 2) before this one: emptied, then 'c' kept
    f('a');
    expect(calls).toEqual(['a', 'none', 'b', 'c', 'a']);
  });
});
