import { describe, expect, it } from 'vitest';
import { createAppStore, STORAGE_KEYS } from '../../../src/renderer/src/store/app-store';
import { memoryStorage } from '../../../src/renderer/src/store/storage';
import { HIGHLIGHT_MS, REMOVED_MS } from '../../../src/renderer/src/store/live-rows';
import { computeVisibleRows, countByState } from '../../../src/renderer/src/store/visible-rows';
import { parseFilter, DEFAULT_TOGGLES } from '../../../src/shared/filter';
import type { Snapshot, SnapshotDiff } from '../../../src/shared/types';
import { makeRow } from './make-row';

const snap = (seq: number, rows = [makeRow({ localPort: 80 }), makeRow({ localPort: 443 })]): Snapshot => ({
  seq,
  takenAt: '2024-01-01T00:00:00.000Z',
  costMs: 12,
  source: 'ss',
  rows,
  unparsedLines: 0,
  ownersHidden: null,
});
const diff = (fromSeq: number, over: Partial<SnapshotDiff> = {}): SnapshotDiff => ({
  seq: fromSeq + 1,
  fromSeq,
  takenAt: '2024-01-01T00:00:01.000Z',
  costMs: 7,
  added: [],
  changed: [],
  removed: [],
  ownersHidden: null,
  ...over,
});
const statuses = (store: ReturnType<typeof createAppStore>): Record<number, string> =>
  Object.fromEntries(store.getState().liveList.map((l) => [l.row.localPort, l.status]));

describe('sockets slice', () => {
  it('a first snapshot shows every row steady', () => {
    const store = createAppStore({ storage: memoryStorage() });
    store.getState().applySnapshot(snap(1), 0);
    expect(statuses(store)).toEqual({ 80: 'steady', 443: 'steady' });
    expect(store.getState().seq).toBe(1);
  });

  it('keeps the engine\'s platform from the snapshot (what decides the actions offered)', () => {
    const store = createAppStore({ storage: memoryStorage() });
    expect(store.getState().platform).toBeNull();
    store.getState().applySnapshot({ ...snap(1), platform: 'darwin' }, 0);
    expect(store.getState().platform).toBe('darwin');
  });

  it('diffs mark new green, changed yellow, removed red; then highlights fade and removed rows are dropped', () => {
    const store = createAppStore({ storage: memoryStorage() });
    store.getState().applySnapshot(snap(1), 0);
    const r443 = store.getState().liveList[1].row;
    const result = store.getState().applyDiff(
      diff(1, { added: [makeRow({ localPort: 8080 })], changed: [{ ...r443, state: 'CLOSE_WAIT' }], removed: [store.getState().liveList[0].row.id] }),
      1000,
    );
    expect(result).toBe('applied');
    expect(statuses(store)).toEqual({ 80: 'removed', 443: 'changed', 8080: 'new' });
    // firstSeq: the refresh that first brought each row.
    expect(Object.fromEntries(store.getState().liveList.map((l) => [l.row.localPort, l.firstSeq]))).toEqual({ 80: 1, 443: 1, 8080: 2 });
    expect(store.getState().seq).toBe(2);
    expect(store.getState().costMs).toBe(7);

    store.getState().expire(1000 + Math.min(HIGHLIGHT_MS, REMOVED_MS) - 1);
    expect(statuses(store)).toEqual({ 80: 'removed', 443: 'changed', 8080: 'new' });
    store.getState().expire(1000 + Math.max(HIGHLIGHT_MS, REMOVED_MS));
    expect(statuses(store)).toEqual({ 443: 'steady', 8080: 'steady' });
  });

  it('a diff also ages highlights that are due (one table update per refresh, not a diff and then a tick)', () => {
    const store = createAppStore({ storage: memoryStorage() });
    store.getState().applySnapshot(snap(1), 0);
    store.getState().applyDiff(diff(1, { added: [makeRow({ localPort: 8080 })], removed: [store.getState().liveList[0].row.id] }), 1000);
    store.getState().applyDiff(diff(2, { added: [makeRow({ localPort: 22 })] }), 1000 + HIGHLIGHT_MS - 1);
    expect(statuses(store)).toEqual({ 80: 'removed', 443: 'steady', 8080: 'new', 22: 'new' });
    store.getState().applyDiff(diff(3, { added: [makeRow({ localPort: 25 })] }), 1000 + Math.max(HIGHLIGHT_MS, REMOVED_MS));
    expect(statuses(store)).toEqual({ 443: 'steady', 8080: 'steady', 22: 'new', 25: 'new' });
  });

  it('a diff that does not follow our seq is a gap, one our table already includes is stale; neither changes anything', () => {
    const store = createAppStore({ storage: memoryStorage() });
    store.getState().applySnapshot(snap(5), 0);
    const before = store.getState().live;
    expect(store.getState().applyDiff(diff(6, { added: [makeRow({ localPort: 1 })] }), 10)).toBe('gap'); // 6 → 7: we are at 5
    expect(store.getState().applyDiff(diff(3, { added: [makeRow({ localPort: 1 })] }), 10)).toBe('stale'); // 3 → 4: covered
    expect(store.getState().applyDiff(diff(4, { added: [makeRow({ localPort: 1 })] }), 10)).toBe('stale'); // 4 → 5: covered
    expect(store.getState().live).toBe(before);
    expect(store.getState().seq).toBe(5);
  });

  it('a diff in parts: each part shows at once, the last moves us to its seq', () => {
    const store = createAppStore({ storage: memoryStorage() });
    store.getState().applySnapshot(snap(1), 0);
    const r80 = store.getState().liveList[0].row;
    expect(store.getState().applyDiff(diff(1, { added: [makeRow({ localPort: 22 })], more: true, takenAt: 'later', costMs: 99 }), 10)).toBe('applied');
    expect(statuses(store)).toEqual({ 80: 'steady', 443: 'steady', 22: 'new' });
    expect(store.getState()).toMatchObject({ seq: 1, costMs: 12 }); // still at the part's fromSeq, the snapshot's facts
    expect(store.getState().applyDiff(diff(1, { removed: [r80.id], more: true, takenAt: 'later', costMs: 99 }), 20)).toBe('applied');
    expect(store.getState().applyDiff(diff(1, { added: [makeRow({ localPort: 25 })], takenAt: 'later', costMs: 99 }), 30)).toBe('applied');
    expect(statuses(store)).toEqual({ 80: 'removed', 443: 'steady', 22: 'new', 25: 'new' });
    expect(store.getState()).toMatchObject({ seq: 2, takenAt: 'later', costMs: 99 });
    expect(store.getState().applyDiff(diff(1, { added: [makeRow({ localPort: 26 })], more: true }), 40)).toBe('stale'); // a late part of it
  });

  it('a re-pull after a gap marks what appeared and vanished since', () => {
    const store = createAppStore({ storage: memoryStorage() });
    store.getState().applySnapshot(snap(1), 0);
    store.getState().applySnapshot(snap(9, [makeRow({ localPort: 443 }), makeRow({ localPort: 22, processName: 'sshd' })]), 50);
    expect(statuses(store)).toEqual({ 80: 'removed', 443: 'steady', 22: 'new' });
  });

  it('a removed row that comes back is new again; expire keeps identity when nothing ages', () => {
    const store = createAppStore({ storage: memoryStorage() });
    store.getState().applySnapshot(snap(1), 0);
    const id = store.getState().liveList[0].row.id;
    store.getState().applyDiff(diff(1, { removed: [id] }), 10);
    store.getState().applyDiff(diff(2, { added: [makeRow({ localPort: 80 })] }), 20);
    expect(statuses(store)[80]).toBe('new');
    const live = store.getState().live;
    store.getState().expire(21);
    expect(store.getState().live).toBe(live);
  });

  it('the selection is cleared when its row is dropped', () => {
    const store = createAppStore({ storage: memoryStorage() });
    store.getState().applySnapshot(snap(1), 0);
    const id = store.getState().liveList[0].row.id;
    store.getState().select(id);
    store.getState().applyDiff(diff(1, { removed: [id] }), 0);
    store.getState().expire(REMOVED_MS);
    expect(store.getState().selectedId).toBeNull();
  });

  it('the selection is cleared when a later diff drops its row (diffs age rows too)', () => {
    const store = createAppStore({ storage: memoryStorage() });
    store.getState().applySnapshot(snap(1), 0);
    const id = store.getState().liveList[0].row.id;
    store.getState().select(id);
    store.getState().applyDiff(diff(1, { removed: [id] }), 0);
    expect(store.getState().selectedId).toBe(id); // still shown, as closed
    store.getState().applyDiff(diff(2, { added: [makeRow({ localPort: 1 })] }), REMOVED_MS);
    expect(store.getState().live.has(id)).toBe(false);
    expect(store.getState().selectedId).toBeNull();
  });
});

describe('filter, columns, refresh and ui settings persist', () => {
  it('filter text and toggles survive a new store on the same storage', () => {
    const storage = memoryStorage();
    const a = createAppStore({ storage });
    a.getState().setFilterText('port:80 -proc:svchost');
    a.getState().setToggle('listeningOnly', true);
    const b = createAppStore({ storage });
    expect(b.getState().filterText).toBe('port:80 -proc:svchost');
    expect(b.getState().toggles).toEqual({ ...DEFAULT_TOGGLES, listeningOnly: true });
  });

  it('broken or foreign stored settings fall back to defaults', () => {
    const storage = memoryStorage({ [STORAGE_KEYS.filter]: '{not json', [STORAGE_KEYS.columns]: '{"columnOrder":["pid","bogus"],"sorting":[{"id":"x"}]}' });
    const s = createAppStore({ storage });
    expect(s.getState().filterText).toBe('');
    expect(s.getState().columnOrder[0]).toBe('pid');
    expect(s.getState().columnOrder).not.toContain('bogus');
    expect(s.getState().columnOrder).toHaveLength(14);
    expect(s.getState().sorting).toEqual([]);
  });

  it('column order, visibility, widths and sorting persist', () => {
    const storage = memoryStorage();
    const a = createAppStore({ storage });
    a.getState().moveColumn('state', -100);
    a.getState().setColumnVisible('user', false);
    a.getState().setColumnWidth('process', 222);
    a.getState().toggleSort('pid');
    a.getState().toggleSort('pid');
    const b = createAppStore({ storage });
    expect(b.getState().columnOrder[0]).toBe('state');
    expect(b.getState().hiddenColumns).toContain('user');
    expect(b.getState().columnWidths.process).toBe(222);
    expect(b.getState().sorting).toEqual([{ id: 'pid', desc: true }]);
  });

  it('refresh choice is persisted and sent to main; main’s own change is not echoed', () => {
    const storage = memoryStorage();
    const sent: number[] = [];
    const a = createAppStore({ storage, onRefreshChange: (ms) => sent.push(ms) });
    a.getState().setRefreshMs(0);
    expect(a.getState().pendingRefreshMs).toBe(0);
    // An echo of an older value while the user's choice is pending is stale: ignored.
    a.getState().refreshMsFromMain(5000);
    expect(a.getState().refreshMs).toBe(0);
    a.getState().refreshApplied(0);
    expect(a.getState().pendingRefreshMs).toBeNull();
    // Nothing pending: a change made elsewhere (another window) is taken, and not sent back.
    a.getState().refreshMsFromMain(5000);
    expect(sent).toEqual([0]);
    expect(a.getState().refreshMs).toBe(5000);
    expect(createAppStore({ storage }).getState().refreshMs).toBe(0);
  });

  it('Space resumes to the last non-zero interval, kept in the store (also one main set)', () => {
    const a = createAppStore({ storage: memoryStorage() });
    a.getState().setRefreshMs(5000);
    a.getState().refreshApplied(5000);
    a.getState().togglePause();
    expect(a.getState().refreshMs).toBe(0);
    a.getState().togglePause();
    expect(a.getState().refreshMs).toBe(5000);
    a.getState().refreshApplied(1000);
    a.getState().refreshMsFromMain(0);
    expect(a.getState().refreshMs).toBe(0);
    a.getState().togglePause();
    expect(a.getState().refreshMs).toBe(1000);
    // Another window's non-zero interval is what Space resumes to as well.
    a.getState().refreshApplied(1000);
    a.getState().refreshMsFromMain(5000);
    a.getState().togglePause();
    a.getState().refreshApplied(0);
    a.getState().togglePause();
    expect(a.getState().refreshMs).toBe(5000);
    // A fresh store resumes to 2 s when the stored choice was "paused".
    const storage = memoryStorage();
    createAppStore({ storage }).getState().setRefreshMs(0);
    const b = createAppStore({ storage });
    expect(b.getState().refreshMs).toBe(0);
    b.getState().togglePause();
    expect(b.getState().refreshMs).toBe(2000);
  });

  it('host names are kept only while the toggle is on; the audit revision counts actions', () => {
    const a = createAppStore({ storage: memoryStorage() });
    a.getState().addHostNames({ '10.0.0.1': 'gw' });
    expect(a.getState().hostNames).toEqual({});
    a.getState().setResolveHosts(true);
    a.getState().addHostNames({ '10.0.0.1': 'gw', '10.0.0.2': null });
    expect(a.getState().hostNames).toEqual({ '10.0.0.1': 'gw', '10.0.0.2': null });
    a.getState().setResolveHosts(false);
    expect(a.getState().hostNames).toEqual({});
    a.getState().auditChanged();
    a.getState().auditChanged();
    expect(a.getState().auditRevision).toBe(2);
  });

  it('theme persists; arrow-key selection walks the visible order', () => {
    const storage = memoryStorage();
    const a = createAppStore({ storage });
    a.getState().setTheme('dark');
    expect(createAppStore({ storage }).getState().theme).toBe('dark');
    a.getState().moveSelection(1, ['x', 'y', 'z']);
    expect(a.getState().selectedId).toBe('x');
    a.getState().moveSelection(5, ['x', 'y', 'z']);
    expect(a.getState().selectedId).toBe('z');
  });
});

describe('visible rows', () => {
  it('filter then numeric sort; counts per state skip closed rows', () => {
    const rows = [9000, 80, 10000, 443, 8080].map((p) => ({ row: makeRow({ localPort: p }), status: 'steady' as const, statusAt: 0, firstSeq: 1 }));
    rows.push({ row: makeRow({ localPort: 1, protocol: 'udp', state: null }), status: 'removed' as never, statusAt: 0, firstSeq: 1 });
    const out = computeVisibleRows(rows, parseFilter('proto:tcp'), DEFAULT_TOGGLES, [{ id: 'localPort', desc: false }]);
    expect(out.map((l) => l.row.localPort)).toEqual([80, 443, 8080, 9000, 10000]);
    expect(countByState(rows)).toEqual([['LISTEN', 5]]);
  });

  it("counts every state in the status bar's order, other states after by count, closed rows left out", () => {
    const live = (state: string | null, protocol: 'tcp' | 'udp' = 'tcp', status: 'steady' | 'removed' = 'steady') => ({ row: makeRow({ state, protocol }), status, statusAt: 0, firstSeq: 1 });
    const rows = [
      live('SYN_SENT'), live('ESTABLISHED'), live(null, 'udp'), live('FIN_WAIT1'), live('FIN_WAIT1'), live('TIME_WAIT'),
      live('CLOSE_WAIT'), live('ESTABLISHED'), live('LISTEN'), live('ESTABLISHED', 'tcp', 'removed'), live('SYN_SENT', 'tcp', 'removed'), live(null),
    ];
    expect(countByState(rows)).toEqual([['LISTEN', 1], ['ESTABLISHED', 2], ['TIME_WAIT', 1], ['CLOSE_WAIT', 1], ['UDP', 1], ['FIN_WAIT1', 2], ['SYN_SENT', 1], ['?', 1]]);
    expect(countByState([])).toEqual([]);
  });
});
