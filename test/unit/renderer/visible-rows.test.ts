import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../helpers/seeded-random';
import { createAppStore } from '../../../src/renderer/src/store/app-store';
import { memoryStorage } from '../../../src/renderer/src/store/storage';
import { HIGHLIGHT_MS, REMOVED_MS, applyDiffRows, applySnapshotRows } from '../../../src/renderer/src/store/live-rows';
import { computeVisibleRows, countShown, createVisibleRowsSelector } from '../../../src/renderer/src/store/visible-rows';
import { parseFilter } from '../../../src/shared/filter';
import type { SocketRow } from '../../../src/shared/types';
import { makeRow } from './make-row';

const STATES = ['ESTABLISHED', 'TIME_WAIT', 'LISTEN', 'CLOSE_WAIT'];

describe('visible rows, updated incrementally', () => {
  it('after every diff and expiry equals a full filter + sort, for several filters and sort orders', () => {
    const next = seededRandom(7);
    let n = 0;
    const newRow = (): SocketRow => {
      n++;
      return makeRow({ localPort: 1 + Math.floor(next() * 50), remotePort: 40000 + n, pid: 100 + Math.floor(next() * 5), processName: `p${Math.floor(next() * 5)}`, state: STATES[Math.floor(next() * 4)]! });
    };
    const views = [
      { filter: '', sorting: [{ id: 'localPort' as const, desc: false }] },
      { filter: 'state:established', sorting: [{ id: 'process' as const, desc: true }] },
      { filter: '-pid:101', sorting: [{ id: 'state' as const, desc: false }, { id: 'pid' as const, desc: true }] },
    ];
    for (const view of views) {
      const store = createAppStore({ storage: memoryStorage() });
      store.getState().setFilterText(view.filter);
      store.getState().setSorting(view.sorting);
      const select = createVisibleRowsSelector();
      let rows = Array.from({ length: 200 }, newRow);
      let seq = 1;
      let now = 0;
      store.getState().applySnapshot({ seq, takenAt: '', costMs: 1, source: 'ss', rows, unparsedLines: 0, ownersHidden: null }, now);
      let gone: SocketRow[] = []; // removed last step: some come back while still red
      for (let step = 0; step < 40; step++) {
        now += 1000;
        const removed = rows.filter(() => next() < 0.05);
        const changed = rows.filter((r) => !removed.includes(r) && next() < 0.05).map((r) => ({ ...r, state: STATES[Math.floor(next() * 4)]!, processName: `p${Math.floor(next() * 5)}` }));
        const back = gone.filter(() => next() < 0.5).map((r) => ({ ...r })); // the same id, a new row object
        gone = removed;
        const added = [...back, ...Array.from({ length: Math.floor(next() * 10) }, newRow)];
        const changedIds = new Set(changed.map((r) => r.id));
        rows = [...rows.filter((r) => !removed.includes(r) && !changedIds.has(r.id)), ...changed, ...added];
        const result = store.getState().applyDiff(
          { seq: seq + 1, fromSeq: seq, takenAt: '', costMs: 1, added, changed, removed: removed.map((r) => r.id), ownersHidden: null },
          now,
        );
        expect(result).toBe('applied');
        seq++;
        // Mostly the page reads the rows after each change (they come from the diff's rows); sometimes
        // two changes pass unread (then a full filter and sort: the table was updated in place).
        if (next() < 0.8) {
          const before = select(store.getState());
          const state = store.getState();
          const full = computeVisibleRows(state.liveList, parseFilter(state.filterText), state.toggles, state.sorting);
          expect(before.map((l) => l.row.id)).toEqual(full.map((l) => l.row.id));
          expect(before.map((l) => l.status)).toEqual(full.map((l) => l.status)); // the live rows shown are the current ones
        }
        const state = store.getState();
        // Sometimes only part of the highlights have faded (red and green rows live on into the next diff).
        now += next() < 0.5 ? HIGHLIGHT_MS : HIGHLIGHT_MS / 2;
        store.getState().expire(now);
        const afterExpiry = select(store.getState());
        expect(afterExpiry.map((l) => l.row.id)).toEqual(computeVisibleRows(store.getState().liveList, parseFilter(view.filter), state.toggles, state.sorting).map((l) => l.row.id));
        expect(afterExpiry.every((l) => store.getState().live.get(l.row.id) === l)).toBe(true);
      }
    }
  });

  it('a new filter or sort order recomputes from scratch', () => {
    const store = createAppStore({ storage: memoryStorage() });
    const rows = [80, 22, 443].map((p) => makeRow({ localPort: p }));
    store.getState().applySnapshot({ seq: 1, takenAt: '', costMs: 1, source: 'ss', rows, unparsedLines: 0, ownersHidden: null }, 0);
    const select = createVisibleRowsSelector();
    expect(select(store.getState()).map((l) => l.row.localPort)).toEqual([22, 80, 443]);
    store.getState().setSorting([{ id: 'localPort', desc: true }]);
    expect(select(store.getState()).map((l) => l.row.localPort)).toEqual([443, 80, 22]);
    store.getState().setFilterText('port:80');
    expect(select(store.getState()).map((l) => l.row.localPort)).toEqual([80]);
  });

  it('after two diffs nobody read, shows what the table holds now (diffs update its rows in place)', () => {
    const store = createAppStore({ storage: memoryStorage() });
    const rows = [80, 22, 443].map((p) => makeRow({ localPort: p, state: 'ESTABLISHED' }));
    store.getState().applySnapshot({ seq: 1, takenAt: '', costMs: 1, source: 'ss', rows, unparsedLines: 0, ownersHidden: null }, 0);
    store.getState().setFilterText('state:established');
    const select = createVisibleRowsSelector();
    expect(select(store.getState()).map((l) => l.row.localPort)).toEqual([22, 80, 443]);
    const readBefore = store.getState().live;
    const diff = (seq: number, changed: SocketRow[]) => ({ seq, fromSeq: seq - 1, takenAt: '', costMs: 1, added: [], changed, removed: [], ownersHidden: null });
    store.getState().applyDiff(diff(2, [{ ...rows[0]!, state: 'CLOSE_WAIT' }]), 1000); // port 80 leaves the filter
    store.getState().applyDiff(diff(3, [{ ...rows[2]!, processName: 'other' }]), 2000); // port 443 changes, stays
    expect(readBefore.get(rows[0]!.id)?.row.state).toBe('CLOSE_WAIT'); // the old view reads the new rows
    const shown = select(store.getState());
    expect(shown.map((l) => l.row.localPort)).toEqual([22, 443]);
    expect(shown.every((l) => store.getState().live.get(l.row.id) === l)).toBe(true);
  });

  it('a diff leaves a plain Map as it was, and updates a table from a snapshot in place under a new view', () => {
    const rows = [makeRow({ localPort: 80 })];
    const plain = new Map([[rows[0]!.id, { row: rows[0]!, status: 'steady' as const, statusAt: 0, firstSeq: 1 }]]);
    const diff = { seq: 2, fromSeq: 1, takenAt: '', costMs: 1, added: [makeRow({ localPort: 81 })], changed: [], removed: [rows[0]!.id], ownersHidden: null };
    const fromPlain = applyDiffRows(plain, diff, 1000);
    expect(plain.get(rows[0]!.id)?.status).toBe('steady');
    expect(fromPlain.get(rows[0]!.id)?.status).toBe('removed');
    const table = applySnapshotRows(new Map(), { seq: 1, takenAt: '', costMs: 1, source: 'ss', rows, unparsedLines: 0, ownersHidden: null }, 0, false);
    const next = applyDiffRows(table, diff, 1000);
    expect(next).not.toBe(table);
    expect(table.get(rows[0]!.id)?.status).toBe('removed'); // updated in place: the older view reads it too
    expect([...next.keys()].length).toBe(2);
    const snapshot = applySnapshotRows(next, { seq: 3, takenAt: '', costMs: 1, source: 'ss', rows, unparsedLines: 0, ownersHidden: null }, 2000, true);
    applyDiffRows(snapshot, { ...diff, seq: 4, fromSeq: 3, removed: [], added: [makeRow({ localPort: 82 })] }, 3000);
    expect(next.size).toBe(2); // a snapshot starts new rows: diffs to it leave the older table alone
  });

  it('a row removed, dropped unread, then back in a snapshot shows once (no walk of an older table)', () => {
    const store = createAppStore({ storage: memoryStorage() });
    const rows = [80, 443].map((p) => makeRow({ localPort: p }));
    const snap = (seq: number, list: SocketRow[]) => ({ seq, takenAt: '', costMs: 1, source: 'ss' as const, rows: list, unparsedLines: 0, ownersHidden: null });
    store.getState().applySnapshot(snap(1, rows), 0);
    store.getState().applyDiff({ seq: 2, fromSeq: 1, takenAt: '', costMs: 1, added: [], changed: [], removed: [rows[1]!.id], ownersHidden: null }, 1000);
    const select = createVisibleRowsSelector();
    expect(select(store.getState()).map((l) => `${l.row.localPort}:${l.status}`)).toEqual(['80:steady', '443:removed']);
    store.getState().expire(1000 + REMOVED_MS); // unread: 443 is dropped from the shared rows
    store.getState().applySnapshot(snap(3, rows), 1000 + REMOVED_MS, { mark: true }); // the same row objects again
    expect(select(store.getState()).map((l) => `${l.row.localPort}:${l.status}`)).toEqual(['80:steady', '443:new']);
  });

  it('a diff that fails half-way shows the rows as they are now and asks for a re-pull', () => {
    const store = createAppStore({ storage: memoryStorage() });
    const rows = [80, 22, 443].map((p) => makeRow({ localPort: p }));
    store.getState().applySnapshot({ seq: 1, takenAt: '', costMs: 1, source: 'ss', rows, unparsedLines: 0, ownersHidden: null }, 0);
    const select = createVisibleRowsSelector();
    select(store.getState());
    const broken = { seq: 2, fromSeq: 1, takenAt: '', costMs: 1, added: [makeRow({ localPort: 8080 })], changed: [{ ...rows[2]!, processName: 'x' }, null as unknown as SocketRow], removed: [], ownersHidden: null };
    expect(store.getState().applyDiff(broken, 1000)).toBe('gap');
    store.getState().expire(1000 + HIGHLIGHT_MS);
    const state = store.getState();
    const shown = select(state).map((l) => l.row.localPort);
    expect(shown).toEqual(computeVisibleRows(state.liveList, parseFilter(''), state.toggles, state.sorting).map((l) => l.row.localPort));
    expect(shown).toEqual([22, 80, 443, 8080]);
    expect(state.seq).toBe(1); // not applied: the next diff is a gap too, until the re-pull
  });

  it('counts the rows shown, closed (red) ones left out', () => {
    const live = (status: 'new' | 'removed' | 'steady') => ({ row: makeRow(), status, statusAt: 0, firstSeq: 1 });
    expect(countShown([live('new'), live('removed'), live('steady')])).toBe(2);
  });
});
