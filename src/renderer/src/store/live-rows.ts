/**
 * The live table as TCPView shows it: rows from a snapshot, then diffs. New rows are marked green,
 * changed rows yellow, removed rows stay red for a moment (fading) and are then dropped.
 * Pure functions over an insertion-ordered Map; they return the same Map when nothing changed so
 * React selectors do not re-render.
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
}

export type LiveRowMap = ReadonlyMap<string, LiveRow>;

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
export function applySnapshotRows(prev: LiveRowMap, snapshot: Snapshot, now: number, mark: boolean): Map<string, LiveRow> {
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
  return next;
}

/** Apply a diff, and age highlights at the same moment (one new table per diff, not two). */
export function applyDiffRows(prev: LiveRowMap, diff: SnapshotDiff, now: number): Map<string, LiveRow> {
  const next = copyRows(prev);
  ageInPlace(next, now);
  for (const id of diff.removed) {
    const old = next.get(id);
    if (old && old.status !== 'removed') next.set(id, { ...old, status: 'removed', statusAt: now });
  }
  for (const row of diff.added) next.set(row.id, { row, status: 'new', statusAt: now, firstSeq: diff.seq });
  for (const row of diff.changed) {
    const old = next.get(row.id);
    // A change to a row still glowing green keeps it green: it is still new to the user.
    const status = old?.status === 'new' ? 'new' : 'changed';
    next.set(row.id, { row, status, statusAt: old?.status === 'new' ? old.statusAt : now, firstSeq: old?.firstSeq ?? diff.seq });
  }
  return next;
}

/** Age highlights: new/changed become steady after HIGHLIGHT_MS; removed rows are dropped after REMOVED_MS. */
export function expireRows(prev: LiveRowMap, now: number): LiveRowMap {
  for (const live of prev.values()) {
    if (isDue(live, now)) {
      const next = copyRows(prev);
      ageInPlace(next, now);
      return next;
    }
  }
  return prev;
}

function isDue(live: LiveRow, now: number): boolean {
  const age = now - live.statusAt;
  return live.status === 'removed' ? age >= REMOVED_MS : live.status !== 'steady' && age >= HIGHLIGHT_MS;
}

/*
 * The two walks of all 41k rows per refresh use forEach: `new Map(map)` and `for (const [id, live] of map)`
 * allocate an entry array per row, ~60% of what the page allocated while diffs applied (47 of 119 MB in
 * 15 s, sampled), and the collections that garbage set off paused the page for 20–60 ms.
 */

/** A copy of the table, in the same order. */
function copyRows(rows: LiveRowMap): Map<string, LiveRow> {
  const copy = new Map<string, LiveRow>();
  rows.forEach((live, id) => copy.set(id, live));
  return copy;
}

/** Ages the rows of a Map the caller has just copied (forEach allows deleting and replacing as it goes). */
function ageInPlace(rows: Map<string, LiveRow>, now: number): void {
  rows.forEach((live, id) => {
    if (!isDue(live, now)) return;
    if (live.status === 'removed') rows.delete(id);
    else rows.set(id, { ...live, status: 'steady' });
  });
}

function rowChanged(a: SocketRow, b: SocketRow): boolean {
  return a.state !== b.state || a.pid !== b.pid || a.processName !== b.processName || a.user !== b.user || a.meaning?.name !== b.meaning?.name;
}
