/** Pure helpers over socket rows: which rows hold a port, which a pid, and how to name them. */
import type { SocketRow } from '../../shared/types';

/** A listener or bound socket (what "the owner of port N" means), not a client connection from N. */
export function isBoundRow(row: SocketRow): boolean {
  if (row.protocol === 'udp') return row.remoteAddress === null || row.remotePort === null || row.remotePort === 0;
  return row.state === 'LISTEN' || row.state === 'BOUND';
}

export function rowPids(row: SocketRow): number[] {
  const pids = row.owners.map((o) => o.pid);
  if (row.pid !== null && !pids.includes(row.pid)) pids.unshift(row.pid);
  return pids;
}

/** Rows bound to exactly this port (never `:80` inside `:8042`). */
export function rowsOnPort(rows: readonly SocketRow[], port: number, protocol?: 'tcp' | 'udp'): SocketRow[] {
  return rows.filter((r) => r.localPort === port && (!protocol || r.protocol === protocol) && isBoundRow(r));
}

const host = (address: string, family: 4 | 6): string => (family === 6 && address.includes(':') ? `[${address}]` : address);

/** `tcp 127.0.0.1:8080 LISTEN`, `tcp [::1]:5432 → [::1]:50122 ESTABLISHED`, `udp 0.0.0.0:53`. */
export function describeRow(row: SocketRow): string {
  const local = `${host(row.localAddress, row.family)}:${row.localPort}`;
  const remote = row.remoteAddress !== null && row.remotePort ? ` → ${host(row.remoteAddress, row.family)}:${row.remotePort}` : '';
  return `${row.protocol} ${local}${remote}${row.state ? ` ${row.state}` : ''}`;
}

const MAX_PORTS_LISTED = 20;

/** The sockets a pid holds, listeners first, capped so a busy server does not flood the dialog. */
export function portsOfPid(rows: readonly SocketRow[], pid: number): string[] {
  const mine = rows.filter((r) => rowPids(r).includes(pid));
  mine.sort((a, b) => Number(isBoundRow(b)) - Number(isBoundRow(a)) || a.localPort - b.localPort);
  const out = mine.slice(0, MAX_PORTS_LISTED).map(describeRow);
  if (mine.length > MAX_PORTS_LISTED) out.push(`… and ${mine.length - MAX_PORTS_LISTED} more sockets`);
  return out;
}
