/** Pure walks over the parent table: descendants for `--tree`, ancestors for the protected list. */
import type { ProcEntry } from './proc-parse';

/**
 * Every descendant of `pid`, parents before children. A child whose start is older than its parent's
 * cannot be its child: its parent pid was reused (Windows keeps stale parent pids), so it is skipped.
 */
export function descendants(table: readonly ProcEntry[], pid: number): number[] {
  const byParent = new Map<number, ProcEntry[]>();
  const byPid = new Map<number, ProcEntry>();
  for (const entry of table) {
    byPid.set(entry.pid, entry);
    if (entry.pid === entry.ppid) continue;
    const list = byParent.get(entry.ppid) ?? [];
    list.push(entry);
    byParent.set(entry.ppid, list);
  }
  const out: number[] = [];
  const seen = new Set<number>([pid]);
  const queue = [pid];
  while (queue.length > 0) {
    const parent = byPid.get(queue.shift() as number);
    for (const child of byParent.get(parent?.pid ?? -1) ?? []) {
      if (seen.has(child.pid) || child.pid === 0) continue;
      if (startedBefore(child, parent)) continue;
      seen.add(child.pid);
      out.push(child.pid);
      queue.push(child.pid);
    }
  }
  return out;
}

/** Parent chain of `pid` (nearest first), stopping at 0, at a loop, or at a reused parent pid. */
export function ancestors(table: readonly ProcEntry[], pid: number): number[] {
  const byPid = new Map(table.map((e) => [e.pid, e] as const));
  const out: number[] = [];
  let current = byPid.get(pid);
  const seen = new Set<number>([pid]);
  while (current && current.ppid > 0 && !seen.has(current.ppid)) {
    const parent = byPid.get(current.ppid);
    if (parent && startedBefore(current, parent)) break;
    out.push(current.ppid);
    seen.add(current.ppid);
    current = parent;
  }
  return out;
}

/** True when `a` provably started before `b` (both keys numeric, same reader). */
function startedBefore(a: ProcEntry, b: ProcEntry | undefined): boolean {
  if (!b || a.startKey === null || b.startKey === null) return false;
  if (!/^\d+$/.test(a.startKey) || !/^\d+$/.test(b.startKey)) return false;
  return BigInt(a.startKey) < BigInt(b.startKey);
}
