/** "What owns port N": the live rows listening on / bound to local port N; connections counted apart. */
import { isListening } from '../../../shared/filter';
import type { SocketRow } from '../../../shared/types';
import type { LiveRow } from '../store/live-rows';

export interface PortOwners {
  port: number;
  owners: SocketRow[];
  /** Connected sockets whose local port is N (clients of a listener, or an outgoing socket). */
  connections: number;
}

/** A port number from what the user typed (":8080", "8080/tcp", " 80 "), or null. */
export function parsePortQuery(text: string): number | null {
  const m = /^\s*:?(\d{1,5})(?:\/(?:tcp|udp))?\s*$/i.exec(text);
  if (!m) return null;
  const port = Number(m[1]);
  return port >= 1 && port <= 65535 ? port : null;
}

export function findPortOwners(rows: readonly LiveRow[], port: number): PortOwners {
  const owners: SocketRow[] = [];
  let connections = 0;
  for (const { row, status } of rows) {
    if (status === 'removed' || row.localPort !== port) continue;
    if (isListening(row)) owners.push(row);
    else connections++;
  }
  owners.sort((a, b) => a.protocol.localeCompare(b.protocol) || a.family - b.family);
  return { port, owners, connections };
}
