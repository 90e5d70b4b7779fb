/**
 * Reverse DNS behind the Remote host column: main's resolveHosts handler (injected resolver: cache with
 * TTL, cached failures, timeout, bounded concurrency), its input schema, and the renderer's queue that
 * asks only for unresolved in-view addresses, debounced.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDnsHandlers, type ReverseResolver } from '../../../src/main/service/dns-handlers';
import { apiInputSchemas } from '../../../src/shared/api-schemas';
import { addressesToResolve, createHostNameQueue, MAX_RESOLVE_BATCH } from '../../../src/renderer/src/lib/host-names';
import { ok, type Result } from '../../../src/shared/result';
import { makeRow } from './make-row';

const resolveOk = async (h: ReturnType<typeof createDnsHandlers>, addresses: string[]): Promise<Record<string, string | null>> => {
  const r = await h.resolveHosts({ addresses });
  if (!r.ok) throw new Error(r.message);
  return r.value.hosts;
};

describe('resolveHosts handler', () => {
  it('answers the first name, caches names and failures per address until their TTL', async () => {
    let clock = 0;
    const asked: string[] = [];
    const reverse: ReverseResolver = async (a) => {
      asked.push(a);
      if (a === '10.9.9.9') throw Object.assign(new Error('queryPtr ENOTFOUND'), { code: 'ENOTFOUND' });
      return a === '127.0.0.1' ? ['localhost', 'vm'] : ['host-' + a];
    };
    const h = createDnsHandlers({ reverse, ttlMs: 1000, failureTtlMs: 100, now: () => clock });
    expect(await resolveOk(h, ['127.0.0.1', '10.9.9.9', '127.0.0.1', '::1'])).toEqual({ '127.0.0.1': 'localhost', '10.9.9.9': null, '::1': 'host-::1' });
    expect(asked).toEqual(['127.0.0.1', '10.9.9.9', '::1']); // duplicates asked once

    clock = 50;
    await resolveOk(h, ['127.0.0.1', '10.9.9.9']);
    expect(asked).toHaveLength(3); // both answers (the failure too) come from the cache
    clock = 150; // the failure expired, the name did not
    await resolveOk(h, ['127.0.0.1', '10.9.9.9']);
    expect(asked).toEqual(['127.0.0.1', '10.9.9.9', '::1', '10.9.9.9']);
    clock = 1200;
    await resolveOk(h, ['127.0.0.1']);
    expect(asked.at(-1)).toBe('127.0.0.1');
  });

  it('a lookup slower than the timeout answers null (and is cached); unspecified addresses are not asked', async () => {
    vi.useFakeTimers();
    try {
      const asked: string[] = [];
      const reverse: ReverseResolver = (a) => {
        asked.push(a);
        return new Promise(() => {}); // never answers
      };
      const h = createDnsHandlers({ reverse, timeoutMs: 200 });
      const pending = h.resolveHosts({ addresses: ['192.0.2.1', '0.0.0.0', '::'] });
      await vi.advanceTimersByTimeAsync(199);
      let done = false;
      void pending.then(() => (done = true));
      await Promise.resolve();
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      const r = await pending;
      expect(r.ok && r.value.hosts).toEqual({ '192.0.2.1': null, '0.0.0.0': null, '::': null });
      expect(asked).toEqual(['192.0.2.1']);
      await h.resolveHosts({ addresses: ['192.0.2.1'] });
      expect(asked).toHaveLength(1); // the timeout is cached like a failure
    } finally {
      vi.useRealTimers();
    }
  });

  it('runs at most `concurrency` lookups at once and shares one lookup between concurrent calls', async () => {
    let running = 0;
    let peak = 0;
    const calls: string[] = [];
    const reverse: ReverseResolver = async (a) => {
      calls.push(a);
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      return [`n${a.split('.').at(-1)}`];
    };
    const h = createDnsHandlers({ reverse, concurrency: 3 });
    const addresses = Array.from({ length: 20 }, (_, i) => `10.0.0.${i + 1}`);
    const [a, b] = await Promise.all([resolveOk(h, addresses), resolveOk(h, addresses.slice(0, 5))]);
    expect(peak).toBe(3);
    expect(calls).toHaveLength(20);
    expect(a['10.0.0.20']).toBe('n20');
    expect(b['10.0.0.5']).toBe('n5');
  });

  it('the schema takes at most 500 valid IP strings and nothing else', () => {
    const schema = apiInputSchemas.resolveHosts;
    expect(schema.safeParse({ addresses: ['127.0.0.1', '::1', 'fe80::1', '::ffff:10.0.0.1'] }).success).toBe(true);
    expect(schema.safeParse({ addresses: [] }).success).toBe(true);
    for (const bad of ['localhost', '999.1.1.1', '1.2.3', 'fe80::1%eth0', '', ' 127.0.0.1']) {
      expect(schema.safeParse({ addresses: [bad] }).success, bad).toBe(false);
    }
    expect(schema.safeParse({ addresses: Array.from({ length: 501 }, () => '10.0.0.1') }).success).toBe(false);
    expect(schema.safeParse({ addresses: ['10.0.0.1'], extra: 1 }).success).toBe(false);
    expect(schema.safeParse({}).success).toBe(false);
  });
});

describe('renderer host-name queue', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('addressesToResolve: distinct remote addresses without an answer, no listeners or unspecified', () => {
    const live = (remoteAddress: string | null) => ({ row: makeRow({ remoteAddress, remotePort: remoteAddress ? 1 : null }) });
    const rows = [live('10.0.0.1'), live(null), live('10.0.0.1'), live('0.0.0.0'), live('::'), live('10.0.0.2'), live('10.0.0.3')];
    expect(addressesToResolve(rows, { '10.0.0.2': null, '10.0.0.3': 'x' })).toEqual(['10.0.0.1']);
  });

  it('debounces, asks each address once, answers every asked address, and a reset drops late answers', async () => {
    vi.useFakeTimers();
    const batches: string[][] = [];
    let answer: ((r: Result<{ hosts: Record<string, string | null> }>) => void) | null = null;
    const got: Record<string, string | null>[] = [];
    const q = createHostNameQueue({
      resolve: (addresses) => {
        batches.push(addresses);
        return new Promise((resolve) => (answer = resolve));
      },
      onHosts: (h) => got.push(h),
      debounceMs: 300,
    });
    q.want(['10.0.0.1']);
    await vi.advanceTimersByTimeAsync(200);
    q.want(['10.0.0.1', '10.0.0.2']); // still scrolling: the timer starts again
    await vi.advanceTimersByTimeAsync(200);
    expect(batches).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(batches).toEqual([['10.0.0.1', '10.0.0.2']]);
    q.want(['10.0.0.1', '10.0.0.2', '10.0.0.3']); // in flight: only .3 waits, and only for the answer
    await vi.advanceTimersByTimeAsync(1000);
    expect(batches).toHaveLength(1);
    answer!(ok({ hosts: { '10.0.0.1': 'one' } }));
    await vi.advanceTimersByTimeAsync(0);
    expect(got).toEqual([{ '10.0.0.1': 'one', '10.0.0.2': null }]);
    await vi.advanceTimersByTimeAsync(300);
    expect(batches).toEqual([['10.0.0.1', '10.0.0.2'], ['10.0.0.3']]);
    q.reset(); // toggle off while .3 is in flight
    answer!(ok({ hosts: { '10.0.0.3': 'three' } }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(got).toHaveLength(1);
  });

  it('a failed call answers null (no retry loop) and reports the error; batches respect the schema limit', async () => {
    vi.useFakeTimers();
    const batches: number[] = [];
    const errors: string[] = [];
    const got: Record<string, string | null> = {};
    const q = createHostNameQueue({
      resolve: async (addresses) => {
        batches.push(addresses.length);
        return { ok: false, code: 'NOT_IMPLEMENTED', message: 'resolveHosts is not available' };
      },
      onHosts: (h) => Object.assign(got, h),
      onError: (m) => errors.push(m),
    });
    const many = Array.from({ length: MAX_RESOLVE_BATCH + 20 }, (_, i) => `10.1.${i >> 8}.${i & 255}`);
    q.want(many);
    await vi.advanceTimersByTimeAsync(2000);
    expect(batches).toEqual([MAX_RESOLVE_BATCH, 20]);
    expect(Object.keys(got)).toHaveLength(many.length);
    expect(Object.values(got).every((v) => v === null)).toBe(true);
    expect(errors[0]).toBe('resolveHosts is not available');
  });
});
