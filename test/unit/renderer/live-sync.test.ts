import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../../src/renderer/src/store/app-store';
import { memoryStorage } from '../../../src/renderer/src/store/storage';
import { createRefreshSender, startLiveSync } from '../../../src/renderer/src/store/live-sync';
import { err, ok, type Result } from '../../../src/shared/result';
import type { Snapshot } from '../../../src/shared/types';
import { createFakeApi } from './fake-api';
import { makeRow } from './make-row';

const snapshot = (seq: number, ports: number[]): Snapshot => ({
  seq,
  takenAt: new Date(0).toISOString(),
  costMs: 3,
  source: 'fake',
  rows: ports.map((p) => makeRow({ localPort: p })),
  unparsedLines: 0,
  ownersHidden: seq > 5 ? 'run as root to see owners of other users' : null,
});
const ports = (store: ReturnType<typeof createAppStore>): number[] => store.getState().liveList.map((l) => l.row.localPort);

describe('live sync', () => {
  it('pulls a snapshot, applies diffs, re-pulls on a seq gap, and unsubscribes on stop', async () => {
    const fake = createFakeApi(snapshot(1, [80]));
    const store = createAppStore({ storage: memoryStorage() });
    const sync = startLiveSync(fake.api, store, { tickMs: 0, now: () => 0 });
    await sync.ready;
    expect(ports(store)).toEqual([80]);
    expect(fake.calls.find((c) => c.method === 'setPollInterval')?.input).toEqual({ ms: 2000 });

    fake.emit({ type: 'diff', diff: { seq: 2, fromSeq: 1, takenAt: '', costMs: 1, added: [makeRow({ localPort: 22 })], changed: [], removed: [], ownersHidden: null } });
    expect(ports(store)).toEqual([80, 22]);

    // seq 3 was missed: the diff from 3 is a gap, so the store re-pulls the snapshot.
    fake.state.snapshot = snapshot(7, [22, 443]);
    fake.emit({ type: 'diff', diff: { seq: 4, fromSeq: 3, takenAt: '', costMs: 1, added: [makeRow({ localPort: 9 })], changed: [], removed: [], ownersHidden: null } });
    await vi.waitFor(() => expect(store.getState().seq).toBe(7));
    expect(store.getState().seq).toBe(7);
    expect(ports(store).sort((a, b) => a - b)).toEqual([22, 80, 443]); // 80 stays, red, until it fades
    expect(store.getState().live.get(makeRow({ localPort: 80 }).id)?.status).toBe('removed');
    expect(store.getState().ownersHidden).toMatch(/root/);
    expect(fake.calls.filter((c) => c.method === 'list')).toHaveLength(2);

    fake.emit({ type: 'poll-interval', ms: 5000 });
    expect(store.getState().refreshMs).toBe(5000);
    sync.stop();
    expect(fake.listeners()).toBe(0);
  });

  it('ignores a diff its table already includes (a snapshot that came before it) instead of re-pulling', async () => {
    const fake = createFakeApi(snapshot(3, [80]));
    const store = createAppStore({ storage: memoryStorage() });
    const sync = startLiveSync(fake.api, store, { tickMs: 0, now: () => 0 });
    await sync.ready;
    fake.emit({ type: 'diff', diff: { seq: 3, fromSeq: 2, takenAt: '', costMs: 1, added: [makeRow({ localPort: 22 })], changed: [], removed: [], ownersHidden: null, more: true } });
    fake.emit({ type: 'diff', diff: { seq: 3, fromSeq: 2, takenAt: '', costMs: 1, added: [makeRow({ localPort: 23 })], changed: [], removed: [], ownersHidden: null } });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(ports(store)).toEqual([80]);
    expect(fake.calls.filter((c) => c.method === 'list')).toHaveLength(1);
    sync.stop();
  });

  it('ages highlights on its timer only when no diff came since the last tick (each applied diff ages them too)', async () => {
    vi.useFakeTimers();
    try {
      let clock = 0;
      const fake = createFakeApi(snapshot(1, [80]));
      const store = createAppStore({ storage: memoryStorage() });
      const expire = vi.spyOn(store.getState(), 'expire');
      const sync = startLiveSync(fake.api, store, { tickMs: 1000, now: () => clock });
      await sync.ready;
      clock = 500;
      fake.emit({ type: 'diff', diff: { seq: 2, fromSeq: 1, takenAt: '', costMs: 1, added: [makeRow({ localPort: 22 })], changed: [], removed: [], ownersHidden: null } });
      clock = 1000;
      vi.advanceTimersByTime(1000); // a diff came since the last tick: skipped
      expect(expire).not.toHaveBeenCalled();
      clock = 2000;
      vi.advanceTimersByTime(1000); // none since: ages
      expect(expire).toHaveBeenCalledWith(2000);
      sync.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('refresh echo race: calls go one after another, stale echoes are ignored, the latest answer wins', async () => {
    // setPollInterval answers only when the test says so; main echoes `poll-interval` as it applies each.
    const answers: { ms: number; answer(ms?: number): void }[] = [];
    const fake = createFakeApi(snapshot(1, [80]), {
      setPollInterval: (input) => new Promise<Result<{ ms: number }>>((resolve) => answers.push({ ms: input.ms, answer: (ms = input.ms) => resolve(ok({ ms })) })),
    });
    let store: ReturnType<typeof createAppStore> | null = null;
    const refresh = createRefreshSender(fake.api, () => store);
    store = createAppStore({ storage: memoryStorage(), onRefreshChange: (ms) => refresh.send(ms) });
    const sync = startLiveSync(fake.api, store, { tickMs: 0, now: () => 0, refresh });
    await sync.ready;
    const sent = (): unknown[] => fake.calls.filter((c) => c.method === 'setPollInterval').map((c) => c.input);
    expect(sent()).toEqual([{ ms: 2000 }]); // the stored choice, at start

    store.getState().setRefreshMs(1000); // while the start-up call is in flight
    store.getState().setRefreshMs(0); // Space
    store.getState().setRefreshMs(1000); // Space again
    expect(sent()).toHaveLength(1); // nothing overlaps: the later choices wait
    fake.emit({ type: 'poll-interval', ms: 2000 }); // the echo of the start-up call, arriving late
    expect(store.getState().refreshMs).toBe(1000);
    answers[0].answer(); // its answer (2000) is stale: a newer choice waits
    await vi.waitFor(() => expect(sent()).toHaveLength(2));
    expect(store.getState().refreshMs).toBe(1000);
    // Only the latest waiting choice is sent (the 0 in between was replaced).
    expect(sent()[1]).toEqual({ ms: 1000 });
    fake.emit({ type: 'poll-interval', ms: 0 }); // an older echo: ignored while 1000 is pending
    expect(store.getState().refreshMs).toBe(1000);
    fake.emit({ type: 'poll-interval', ms: 1000 });
    answers[1].answer();
    await refresh.idle();
    expect(store.getState().refreshMs).toBe(1000);
    expect(store.getState().pendingRefreshMs).toBeNull();

    // Main may answer another interval than asked: the answer is what the UI shows.
    store.getState().setRefreshMs(5000);
    await vi.waitFor(() => expect(answers).toHaveLength(3));
    answers[2].answer(2000);
    await refresh.idle();
    expect(store.getState().refreshMs).toBe(2000);
    sync.stop();
  });

  it('a failed setPollInterval is shown and clears the pending choice', async () => {
    const fake = createFakeApi(snapshot(1, []), { setPollInterval: () => ({ ok: false, code: 'FAILED', message: 'engine stopped' }) });
    const store = createAppStore({ storage: memoryStorage() });
    const refresh = createRefreshSender(fake.api, () => store);
    refresh.send(1000);
    await refresh.idle();
    expect(store.getState().refreshError).toBe('engine stopped');
    expect(store.getState().pendingRefreshMs).toBeNull();
  });

  it('a failing list is shown as a load error, not thrown', async () => {
    const fake = createFakeApi(snapshot(1, []), { list: () => err('FAILED', 'ss failed: do X') });
    const store = createAppStore({ storage: memoryStorage() });
    const sync = startLiveSync(fake.api, store, { tickMs: 0 });
    await sync.ready;
    expect(store.getState().loadError).toBe('ss failed: do X');
    sync.stop();
  });
});
