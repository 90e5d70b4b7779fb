import { describe, expect, it } from 'vitest';
import { ProcessFactsCache } from '../../../src/main/process/process-facts-cache';
import type { ProcessFactsProvider } from '../../../src/main/process/types';
import type { ProcessFacts } from '../../../src/shared/types';

const facts = (pid: number, startKey: string): ProcessFacts => ({
  pid, name: `p${pid}`, path: null, command: null, user: null, started: null, startKey, services: [], parentPid: 1,
});

describe('ProcessFactsCache', () => {
  it('hands the provider the previous round and forgets pids no longer asked for', async () => {
    const seenKnown: number[][] = [];
    const provider: ProcessFactsProvider = {
      name: 'fake',
      collect: async (pids, known) => {
        seenKnown.push([...known.keys()]);
        return new Map(pids.map((pid) => [pid, known.get(pid) ?? facts(pid, 'k')]));
      },
    };
    const cache = new ProcessFactsCache(provider);
    await cache.refresh([1, 2]);
    const second = await cache.refresh([2, 3]);
    expect(seenKnown).toEqual([[], [1, 2]]);
    expect([...second.keys()]).toEqual([2, 3]);
    expect(await cache.one(9)).toMatchObject({ pid: 9 });
  });

  it('a failing provider costs the facts, not the caller', async () => {
    const cache = new ProcessFactsCache({ name: 'broken', collect: () => Promise.reject(new Error('boom')) });
    expect((await cache.refresh([1])).size).toBe(0);
    expect(await cache.one(1)).toBeNull();
  });
});
