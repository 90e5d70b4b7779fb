/** Diff two row sets by id (pure): added, removed ids, and rows whose owner/state facts changed. */
import type { SocketRow } from '../../shared/types';

export interface RowsDiff {
  added: SocketRow[];
  changed: SocketRow[];
  removed: string[];
}

/** What a client shows that can change while the id stays the same. */
function signature(row: SocketRow): string {
  const owners = row.owners.map((o) => `${o.pid}:${o.processName ?? ''}`).join(',');
  return [row.state, owners, row.user, row.processPath, row.processStarted, row.ownerHidden, row.services.join(','), row.meaning?.name, row.ownerVerdict?.verdict].join('|');
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
    else if (signature(before) !== signature(row)) changed.push(row);
  }
  for (const id of previous.keys()) if (!next.has(id)) removed.push(id);
  return { added, changed, removed };
}

export const isEmptyDiff = (d: RowsDiff): boolean => d.added.length + d.changed.length + d.removed.length === 0;
