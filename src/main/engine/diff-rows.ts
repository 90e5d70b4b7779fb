/** Diff two row sets by id (pure): added, removed ids, and rows whose owner/state facts changed. */
import type { SocketRow } from '../../shared/types';

export interface RowsDiff {
  added: SocketRow[];
  changed: SocketRow[];
  removed: string[];
}

/** Did anything a client shows change while the id stayed the same? Field by field: no strings built. */
function rowChanged(a: SocketRow, b: SocketRow): boolean {
  if (
    a.state !== b.state ||
    a.processName !== b.processName ||
    a.user !== b.user ||
    a.processPath !== b.processPath ||
    a.processStarted !== b.processStarted ||
    a.processStartKey !== b.processStartKey ||
    a.ownerHidden !== b.ownerHidden ||
    a.meaning?.name !== b.meaning?.name ||
    a.ownerVerdict?.verdict !== b.ownerVerdict?.verdict ||
    a.owners.length !== b.owners.length ||
    a.services.length !== b.services.length
  ) {
    return true;
  }
  for (let i = 0; i < a.owners.length; i++) {
    if (a.owners[i]!.pid !== b.owners[i]!.pid || a.owners[i]!.processName !== b.owners[i]!.processName) return true;
  }
  for (let i = 0; i < a.services.length; i++) if (a.services[i] !== b.services[i]) return true;
  return false;
}

export function indexRows(rows: readonly SocketRow[]): Map<string, SocketRow> {
  const byId = new Map<string, SocketRow>();
  for (const row of rows) byId.set(row.id, row);
  return byId;
}

export function diffRows(previous: ReadonlyMap<string, SocketRow>, next: ReadonlyMap<string, SocketRow>): RowsDiff {
  const added: SocketRow[] = [];
  const changed: SocketRow[] = [];
  const removed: string[] = [];
  for (const [id, row] of next) {
    const before = previous.get(id);
    if (!before) added.push(row);
    else if (before !== row && rowChanged(before, row)) changed.push(row);
  }
  for (const id of previous.keys()) if (!next.has(id)) removed.push(id);
  return { added, changed, removed };
}

/**
 * The same diff from what a RowBuilder reported, in O(changes): `fresh` (rows built this time) and
 * `dropped` (rows of its previous build it did not hand out again). `previous` indexes that previous
 * build and is updated in place to index the new one. Reused rows are unchanged by construction, and a
 * dropped row's id lives on only if a fresh row took it (reused rows keep their own ids).
 */
export function diffBuiltRows(previous: Map<string, SocketRow>, fresh: readonly SocketRow[], dropped: readonly SocketRow[]): RowsDiff {
  const added: SocketRow[] = [];
  const changed: SocketRow[] = [];
  const removed: string[] = [];
  for (const row of fresh) {
    const before = previous.get(row.id);
    if (!before) added.push(row);
    else if (rowChanged(before, row)) changed.push(row);
    previous.set(row.id, row);
  }
  for (const row of dropped) {
    if (previous.get(row.id) !== row) continue; // a fresh row took its id
    removed.push(row.id);
    previous.delete(row.id);
  }
  return { added, changed, removed };
}

/**
 * A diff in consecutive parts of at most `maxRows` rows and ids each (one part when it is that small). The
 * parts touch disjoint ids, so applying them in order equals applying the whole: the table between two
 * parts is a real table, some of the changes made.
 */
export function splitDiff(diff: RowsDiff, maxRows: number): RowsDiff[] {
  const total = diff.added.length + diff.changed.length + diff.removed.length;
  if (total <= maxRows) return [diff];
  const parts: RowsDiff[] = [];
  let part: RowsDiff = { added: [], changed: [], removed: [] };
  let size = 0;
  const room = (): void => {
    if (size < maxRows) return;
    parts.push(part);
    part = { added: [], changed: [], removed: [] };
    size = 0;
  };
  for (const id of diff.removed) {
    room();
    part.removed.push(id);
    size++;
  }
  for (const row of diff.added) {
    room();
    part.added.push(row);
    size++;
  }
  for (const row of diff.changed) {
    room();
    part.changed.push(row);
    size++;
  }
  parts.push(part);
  return parts;
}
