import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../../src/renderer/src/store/app-store';
import { memoryStorage } from '../../../src/renderer/src/store/storage';
import { startLiveSync } from '../../../src/renderer/src/store/live-sync';
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

  it('a failing list is shown as a load error, not thrown', async () => {
    const fake = createFakeApi(snapshot(1, []));
    fake.api.list = async () => ({ ok: false, code: 'FAILED', message: 'ss failed: do X' });
    const store = createAppStore({ storage: memoryStorage() });
    const sync = startLiveSync(fake.api, store, { tickMs: 0 });
    await sync.ready;
    expect(store.getState().loadError).toBe('ss failed: do X');
    sync.stop();
  });
});
