/**
 * The live table as TCPView shows it: rows from a snapshot, then diffs. New rows are marked green,
 * changed rows yellow, removed rows stay red for a moment (fading) and are then dropped.
 * Functions over an insertion-ordered Map of rows: a snapshot makes new rows, diffs and expiry update them
 * in place under a new view (LiveTable); the same view comes back when nothing changed, so React
 * selectors do not re-render.
 */
import type { Snapshot, SnapshotDiff, SocketRow } from '../../../shared/types';

export type RowStatus = 'new' | 'changed' | 'removed' | 'steady';

export interface LiveRow {
  row: SocketRow;
  status: RowStatus;
  /** When the status was set (ms, caller's clock). */
  statusAt: number;
  /** The snapshot/diff seq that first brought this row (shown as data-seq; lets tests count refreshes). */
  firstSeq: number;
  /**
   * Set once another live row took this one's place in its table, or it was dropped (a diff or expiry;
   * the only change ever made to a live row). Whoever kept it (the visible rows) looks its id up again
   * only then, instead of looking up every row on every refresh.
   */
  superseded?: true;
}

export type LiveRowMap = ReadonlyMap<string, LiveRow>;

/**
 * The table as the store holds it: a read-only view of one Map of rows that diffs and expiry update in
 * place. Copying 41k entries per refresh was 21 of the 47 MB the page allocated per 15 s of diffs, and that
 * garbage's collections were its long tasks. Each change still hands out a new view, so React and the
 * selectors see a new table by identity; but an older view of the same rows reads the current ones, so a
 * view must never be kept to look back. A snapshot starts new rows.
 */
export class LiveTable implements ReadonlyMap<string, LiveRow> {
  constructor(readonly rows: Map<string, LiveRow>) {}
  get size(): number {
    return this.rows.size;
  }
  get(id: string): LiveRow | undefined {
    return this.rows.get(id);
  }
  has(id: string): boolean {
    return this.rows.has(id);
  }
  forEach(callback: (live: LiveRow, id: string, table: ReadonlyMap<string, LiveRow>) => void, thisArg?: unknown): void {
    this.rows.forEach((live, id) => callback.call(thisArg, live, id, this));
  }
  entries(): MapIterator<[string, LiveRow]> {
    return this.rows.entries();
  }
  keys(): MapIterator<string> {
    return this.rows.keys();
  }
  values(): MapIterator<LiveRow> {
    return this.rows.values();
  }
  [Symbol.iterator](): MapIterator<[string, LiveRow]> {
    return this.rows[Symbol.iterator]();
  }
}

/** A new view of a table's rows as they are now (after an update that failed half-way, say). */
export function currentView(table: LiveRowMap): LiveTable {
  return new LiveTable(rowsToUpdate(table));
}

/** The rows to update in place: a table's own, or a copy of a plain Map (the Map stays as it was; the live rows it shares may be marked superseded). */
function rowsToUpdate(table: LiveRowMap): Map<string, LiveRow> {
  if (table instanceof LiveTable) return table.rows;
  const copy = new Map<string, LiveRow>();
  table.forEach((live, id) => copy.set(id, live)); // forEach: no entry array per row, as `new Map(map)` makes
  return copy;
}

/**
 * How a live table differs from `base` in row data: `rows` are its entries whose row is new (a diff's
 * added and changed rows); every other entry has base's row (its status may differ) or is gone.
 */
export interface LiveChanges {
  base: LiveRowMap;
  rows: readonly LiveRow[];
}

/** How long new/changed rows stay highlighted. */
export const HIGHLIGHT_MS = 3000;
/** How long a closed row stays (red, fading) before it is dropped. */
export const REMOVED_MS = 3000;

/**
 * Replace the table with a snapshot. `mark` (used on re-pull after a gap) compares with what was shown:
 * rows that appeared are new, vanished rows turn red, rows whose facts changed turn yellow.
 */
export function applySnapshotRows(prev: LiveRowMap, snapshot: Snapshot, now: number, mark: boolean): LiveTable {
  const next = new Map<string, LiveRow>();
  for (const row of snapshot.rows) {
    const old = prev.get(row.id);
    const firstSeq = old && old.status !== 'removed' ? old.firstSeq : snapshot.seq;
    if (!mark) next.set(row.id, { row, status: 'steady', statusAt: now, firstSeq });
    else if (!old || old.status === 'removed') next.set(row.id, { row, status: 'new', statusAt: now, firstSeq });
    else if (rowChanged(old.row, row)) next.set(row.id, { row, status: 'changed', statusAt: now, firstSeq });
    else next.set(row.id, { ...old, row });
  }
  if (mark) {
    for (const [id, old] of prev) {
      if (next.has(id)) continue;
      next.set(id, old.status === 'removed' ? old : { ...old, status: 'removed', statusAt: now });
    }
  }
  return new LiveTable(next);
}

/** Put `live` in `rows` under `id`, marking the live row it replaces (`old`, that id's current one) superseded. */
function replace(rows: Map<string, LiveRow>, id: string, old: LiveRow | undefined, live: LiveRow): void {
  if (old) old.superseded = true;
  rows.set(id, live);
}

/** Apply a diff, and age highlights at the same moment (one new table per diff, not two). `prev` is updated in place. */
export function applyDiffRows(prev: LiveRowMap, diff: SnapshotDiff, now: number): LiveTable {
  const next = rowsToUpdate(prev);
  ageInPlace(next, now);
  for (const id of diff.removed) {
    const old = next.get(id);
    if (old && old.status !== 'removed') replace(next, id, old, { ...old, status: 'removed', statusAt: now });
  }
  for (const row of diff.added) replace(next, row.id, next.get(row.id), { row, status: 'new', statusAt: now, firstSeq: diff.seq });
  for (const row of diff.changed) {
    const old = next.get(row.id);
    // A change to a row still glowing green keeps it green: it is still new to the user.
    const status = old?.status === 'new' ? 'new' : 'changed';
    replace(next, row.id, old, { row, status, statusAt: old?.status === 'new' ? old.statusAt : now, firstSeq: old?.firstSeq ?? diff.seq });
  }
  return new LiveTable(next);
}

/**
 * Age highlights: new/changed become steady after HIGHLIGHT_MS; removed rows are dropped after REMOVED_MS.
 * `prev` itself when nothing was due; otherwise a new view of `prev`'s rows, updated in place.
 */
export function expireRows(prev: LiveRowMap, now: number): LiveRowMap {
  for (const live of prev.values()) {
    if (isDue(live, now)) {
      const next = rowsToUpdate(prev);
      ageInPlace(next, now);
      return new LiveTable(next);
    }
  }
  return prev;
}

function isDue(live: LiveRow, now: number): boolean {
  const age = now - live.statusAt;
  return live.status === 'removed' ? age >= REMOVED_MS : live.status !== 'steady' && age >= HIGHLIGHT_MS;
}

/**
 * Ages the rows in place. forEach allows deleting and replacing as it goes and, unlike
 * `for (const [id, live] of rows)`, allocates no entry array per row (at 41k rows, every refresh).
 */
function ageInPlace(rows: Map<string, LiveRow>, now: number): void {
  rows.forEach((live, id) => {
    if (!isDue(live, now)) return;
    if (live.status === 'removed') {
      live.superseded = true;
      rows.delete(id);
    } else replace(rows, id, live, { ...live, status: 'steady' });
  });
}

function rowChanged(a: SocketRow, b: SocketRow): boolean {
  return a.state !== b.state || a.pid !== b.pid || a.processName !== b.processName || a.user !== b.user || a.meaning?.name !== b.meaning?.name;
}
