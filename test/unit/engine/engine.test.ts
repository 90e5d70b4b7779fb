import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEngine, nextPollDelay } from '../../../src/main/engine/engine';
import type { PushEvent } from '../../../src/shared/api';
import type { Collector } from '../../../src/main/collectors/types';
import type { ProcessFactsProvider } from '../../../src/main/process/types';
import { fakeCollector, fakeProvider, keepingCollector, keepingProvider, raw } from './fake-sources';
import { buildRows } from '../../../src/main/engine/build-rows';
import { localRowAnnotator } from '../../../src/main/catalog/catalog-context';
import { EPHEMERAL_LABEL } from '../../../src/shared/catalog/index';
import { listeningKeys } from '../../../src/shared/catalog/service-port';
import type { RawSocket } from '../../../src/shared/types';

function setup(intervalMs: number, collectors: Collector[], processProvider: ProcessFactsProvider = fakeProvider) {
  const events: PushEvent[] = [];
  const engine = createEngine({ intervalMs, emit: (e) => events.push(e), collectors, processProvider });
  return { engine, events, diffs: () => events.flatMap((e) => (e.type === 'diff' ? [e.diff] : [])) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('engine', () => {
  it('numbers polls and emits a diff from the previous one', async () => {
    const source = fakeCollector();
    source.rows = [raw({ localPort: 1 }), raw({ localPort: 2 })];
    const { engine, diffs } = setup(0, [source]);
    const first = await engine.current();
    expect(first).toMatchObject({ seq: 1, source: 'fake', unparsedLines: 0, platform: process.platform });
    expect(first.rows.map((r) => r.processName)).toEqual(['proc10', 'proc10']);
    expect(diffs()).toEqual([]);
    source.rows = [raw({ localPort: 2 }), raw({ localPort: 3 })];
    const second = await engine.current(); // paused (0): each current() collects
    expect(second.seq).toBe(2);
    expect(diffs()).toHaveLength(1);
    expect(diffs()[0]).toMatchObject({ seq: 2, fromSeq: 1, removed: ['tcp|127.0.0.1|1|*|*|10'] });
    expect(diffs()[0]!.added.map((r) => r.localPort)).toEqual([3]);
    const side = await engine.snapshot();
    expect(side.seq).toBe(2); // snapshot() does not advance the sequence
    expect(engine.latest()?.seq).toBe(2);
    engine.stop();
  });

  it('builds the first collection once (nothing kept), remembers from the second and reuses from the third, diffs right throughout', async () => {
    const kept = raw({ localPort: 2 });
    let sockets = [raw({ localPort: 1 }), kept];
    const { engine, diffs } = setup(0, [keepingCollector(() => sockets)], keepingProvider);
    const first = await engine.current();
    sockets = [kept, raw({ localPort: 3 })];
    const second = await engine.current();
    expect(second.rows[0]).toEqual(first.rows[1]);
    expect(second.rows[0]).not.toBe(first.rows[1]); // the first build kept nothing to reuse
    expect(diffs()[0]).toMatchObject({ removed: ['tcp|127.0.0.1|1|*|*|10'], changed: [] });
    expect(diffs()[0]!.added.map((r) => r.localPort)).toEqual([3]);
    sockets = [kept, raw({ localPort: 4 })];
    const third = await engine.current();
    expect(third.rows[0]).toBe(second.rows[0]); // same raw object, same facts: the same row
    expect(diffs()[1]).toMatchObject({ removed: ['tcp|127.0.0.1|3|*|*|10'], changed: [] });
    expect(diffs()[1]!.added.map((r) => r.localPort)).toEqual([4]);
    engine.stop();
  });

  it('never overlaps: callers during a collection share it', async () => {
    const source = fakeCollector();
    let release!: () => void;
    source.gate = new Promise((resolve) => (release = resolve));
    const { engine } = setup(0, [source]);
    const a = engine.current();
    const b = engine.current();
    release();
    const [sa, sb] = await Promise.all([a, b]);
    expect(source.calls).toBe(1);
    expect(sa).toBe(sb);
    engine.stop();
  });

  it('falls back down the chain when a collector fails, and reports when none works', async () => {
    const broken: Collector = { name: 'broken', available: async () => true, collect: () => Promise.reject(new Error('netlink denied')) };
    const missing: Collector = { name: 'missing', available: async () => false, collect: () => Promise.reject(new Error('never')) };
    const good = fakeCollector('good');
    good.rows = [raw()];
    const { engine } = setup(0, [missing, broken, good]);
    expect((await engine.current()).source).toBe('good');
    const none = setup(0, [broken]);
    await expect(none.engine.current()).rejects.toThrow(/no socket source worked/);
  });

  it('polls on its timer once live, stretches after slow collections, and pauses at 0', async () => {
    vi.useFakeTimers();
    const source = fakeCollector();
    source.rows = [raw()];
    const { engine, events } = setup(1000, [source]);
    await engine.current();
    expect(source.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(source.calls).toBe(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(source.calls).toBe(3);
    engine.setInterval(0);
    expect(events).toContainEqual({ type: 'poll-interval', ms: 0 });
    await vi.advanceTimersByTimeAsync(5000);
    expect(source.calls).toBe(3);
    engine.setInterval(500);
    await vi.advanceTimersByTimeAsync(500);
    expect(source.calls).toBe(4);
    engine.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(source.calls).toBe(4);
  });

  it('after a stop, answers with the last snapshot while the poller would not have replaced it yet, then polls on', async () => {
    vi.useFakeTimers();
    const source = fakeCollector();
    source.rows = [raw()];
    const { engine } = setup(1000, [source]);
    const first = await engine.current();
    engine.stop(); // the web face's last client left (a page reload)
    await vi.advanceTimersByTimeAsync(300);
    expect(await engine.current()).toBe(first); // 300 ms old: no new collection
    expect(source.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(700); // polling resumed where the timer would have been
    expect(source.calls).toBe(2);
    engine.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(source.calls).toBe(2);
    const fresh = await engine.current(); // 5 s old: collected anew
    expect(source.calls).toBe(3);
    expect(fresh).not.toBe(first);
    engine.stop();
    vi.setSystemTime(Date.now() - 3_600_000); // the clock set back an hour: the age is not trusted
    await engine.current();
    expect(source.calls).toBe(4);
    engine.stop();
  });

  it('collects ahead for a client still loading: its first current() shares that poll, or answers with it while fresh', async () => {
    vi.useFakeTimers();
    const source = fakeCollector();
    source.rows = [raw()];
    let release!: () => void;
    source.gate = new Promise((resolve) => (release = resolve));
    const { engine, diffs } = setup(1000, [source]);
    engine.collectAhead();
    engine.collectAhead(); // a poll under way: nothing more
    await vi.advanceTimersByTimeAsync(0);
    expect(source.calls).toBe(1); // started before anyone asked
    const asked = engine.current(); // the page asks while the poll runs: it shares it
    release();
    const first = await asked;
    expect(source.calls).toBe(1);
    expect(first.seq).toBe(1);
    expect(diffs()).toEqual([]); // the first poll has nothing to diff against
    source.rows = [raw(), raw({ localPort: 2 })];
    await vi.advanceTimersByTimeAsync(1000); // live now: the poller's next poll diffs from it
    expect(diffs()).toMatchObject([{ seq: 2, fromSeq: 1 }]);
    engine.stop();

    source.calls = 0;
    const ahead = setup(1000, [source]);
    ahead.engine.collectAhead();
    await vi.advanceTimersByTimeAsync(5000); // no one asked: one poll and no timer
    expect(source.calls).toBe(1);
    expect(ahead.engine.latest()?.seq).toBe(1);
    ahead.engine.collectAhead(); // there is a table: nothing
    await vi.advanceTimersByTimeAsync(0);
    expect(source.calls).toBe(1);
    ahead.engine.stop();

    source.calls = 0;
    const quick = setup(1000, [source]);
    quick.engine.collectAhead();
    await vi.advanceTimersByTimeAsync(300);
    expect(await quick.engine.current()).toBe(quick.engine.latest()); // 300 ms old: no new collection
    expect(source.calls).toBe(1);
    quick.engine.stop();
  });

  it('does not answer with a poll ahead too old to use, also not a second caller while its replacement runs', async () => {
    vi.useFakeTimers();
    const source = fakeCollector();
    source.rows = [raw()];
    const { engine } = setup(1000, [source]);
    engine.collectAhead();
    await vi.advanceTimersByTimeAsync(5000); // the browser took 5 s to come
    expect(engine.latest()?.seq).toBe(1);
    let release!: () => void;
    source.gate = new Promise((resolve) => (release = resolve));
    const socketAsks = engine.current(); // too old: a new poll
    const pageAsks = engine.current(); // live now, a poll under way: still waits for it
    release();
    expect((await socketAsks).seq).toBe(2);
    expect((await pageAsks).seq).toBe(2);
    expect(source.calls).toBe(2);
    engine.stop();
  });

  it('leaves a failed collection ahead for current() to report', async () => {
    const broken: Collector = { name: 'broken', available: async () => true, collect: () => Promise.reject(new Error('netlink denied')) };
    const { engine } = setup(0, [broken]);
    engine.collectAhead();
    await new Promise((resolve) => setTimeout(resolve, 10)); // it failed with no one waiting: no unhandled rejection
    expect(engine.latest()).toBeNull();
    await expect(engine.current()).rejects.toThrow(/no socket source worked/);
    expect(engine.latest()).toBeNull();
  });

  it('waits twice the collection cost when that is longer than the interval', () => {
    expect(nextPollDelay(1000, 100)).toBe(1000);
    expect(nextPollDelay(1000, 800)).toBe(1600);
  });
});

describe('engine annotation of reused rows', () => {
  it('annotates only the rows a poll built, and every row again when the annotation context changes', async () => {
    const a = raw({ localPort: 1 });
    const b = raw({ localPort: 2 });
    const stable = keepingCollector(() => [a, b], 'stable');
    const annotated: number[][] = [];
    let context = 'linux:32768-60999';
    const engine = createEngine({
      intervalMs: 0,
      emit: () => undefined,
      collectors: [stable],
      processProvider: keepingProvider,
      annotate: { contextKey: () => context, tableKeys: () => new Set(), reads: () => false, annotate: (rows, table) => void annotated.push(rows.map((r) => r.localPort), [table.length]) },
    });
    await engine.current(); // the first collection is built once: nothing kept to reuse
    const first = await engine.current();
    const second = await engine.current();
    expect(second.rows[0]).toBe(first.rows[0]); // same raw objects, same facts: the same rows
    context = 'linux:1024-65535';
    const third = await engine.current();
    expect(third.rows[0]).not.toBe(first.rows[0]);
    expect(annotated).toEqual([[1, 2], [2], [1, 2], [2], [], [2], [1, 2], [2]]);
    engine.stop();
  });
});

describe('engine annotation that fails', () => {
  it('reuses none of the rows a failed annotation left unannotated', async () => {
    const a = raw({ localPort: 1 });
    const stable = keepingCollector(() => [a], 'stable');
    let fail = false;
    const engine = createEngine({
      intervalMs: 0,
      emit: () => undefined,
      collectors: [stable],
      processProvider: keepingProvider,
      annotate: {
        contextKey: () => 'same',
        tableKeys: () => new Set(),
        reads: () => false,
        annotate: (rows) => {
          if (fail) throw new Error('catalog broke');
          for (const row of rows) row.meaning = { name: 'svc', description: 'svc', source: 'IANA' };
        },
      },
    });
    await engine.current(); // the first collection: built once
    fail = true;
    // the second is remembered by the row builder before its annotation fails
    expect(await engine.snapshot().catch((e: Error) => e.message)).toBe('catalog broke');
    fail = false;
    const after = await engine.current(); // the same raw socket and facts: reused, were it remembered
    expect(after.rows[0]!.meaning?.name).toBe('svc');
    engine.stop();
  });
});

describe('engine annotation when a listener comes or goes', () => {
  it("re-annotates a reused connection whose service end depends on the port's listener", async () => {
    // Both ports in the ephemeral range: which end is the service is decided by who listens.
    const client = raw({ localPort: 45000, remoteAddress: '127.0.0.1', remotePort: 46000, state: 'ESTABLISHED' });
    const listener = raw({ localPort: 46000, owners: [{ pid: 11, processName: 'srv' }] });
    let rows = [client];
    const stable = keepingCollector(() => rows, 'stable');
    const events: PushEvent[] = [];
    const engine = createEngine({
      intervalMs: 0,
      emit: (e) => events.push(e),
      collectors: [stable],
      processProvider: keepingProvider,
      annotate: localRowAnnotator,
    });
    const oneOff = async (raws: RawSocket[]) => {
      const built = buildRows(raws, { facts: await fakeProvider.collect([10, 11], new Map()) });
      localRowAnnotator.annotate(built, built, listeningKeys(built));
      return built.find((r) => r.localPort === 45000)!;
    };
    const alone = (await engine.current()).rows[0]!;
    expect(alone.meaning?.name).toBe(EPHEMERAL_LABEL); // nothing listens: the client end is the ephemeral one
    rows = [client, listener];
    const withListener = (await engine.current()).rows.find((r) => r.localPort === 45000)!;
    expect(withListener.meaning).toEqual((await oneOff(rows)).meaning);
    expect(withListener.meaning?.name).not.toBe(EPHEMERAL_LABEL);
    const diffs = events.flatMap((e) => (e.type === 'diff' ? [e.diff] : []));
    expect(diffs[0]!.changed.map((r) => r.localPort)).toEqual([45000]); // the UI hears of the new meaning
    rows = [client];
    const after = (await engine.current()).rows[0]!;
    expect(after.meaning?.name).toBe(EPHEMERAL_LABEL);
    engine.stop();
  });
});

describe('collector chain retries', () => {
  it('skips a failed collector for a while, then tries it again', async () => {
    vi.useFakeTimers();
    let fail = true;
    let flakyCalls = 0;
    const flaky: Collector = {
      name: 'flaky',
      available: async () => true,
      collect: async () => {
        flakyCalls++;
        if (fail) throw new Error('timeout');
        return { rows: [], unparsedLines: 0, ownersHidden: null };
      },
    };
    const backup = fakeCollector('backup');
    const { engine } = setup(0, [flaky, backup]);
    expect((await engine.current()).source).toBe('backup');
    expect((await engine.current()).source).toBe('backup');
    expect(flakyCalls).toBe(1);
    fail = false;
    await vi.advanceTimersByTimeAsync(61_000);
    expect((await engine.current()).source).toBe('flaky');
    engine.stop();
  });
});
