/** /proc/net/{tcp,tcp6,udp,udp6} + the fd walk: serves when ss is missing (minimal containers). */
import { access, readFile } from 'node:fs/promises';
import type { RawSocket } from '../../../shared/types';
import type { Collector } from '../types';
import { parseProcNet } from './parse-proc-net';
import { walkSocketOwners } from './proc-fd-walk';
import { finishLinuxCollection } from './linux-collection';

const TABLES = [
  ['/proc/net/tcp', 'tcp'],
  ['/proc/net/tcp6', 'tcp'],
  ['/proc/net/udp', 'udp'],
  ['/proc/net/udp6', 'udp'],
] as const;

export const procNetCollector: Collector = {
  name: 'proc-net',
  available: async () =>
    access('/proc/net/tcp').then(
      () => true,
      () => false,
    ),
  async collect() {
    const rows: RawSocket[] = [];
    let unparsed = 0;
    for (const [file, protocol] of TABLES) {
      const text = await readFile(file, 'utf8').catch(() => ''); // tcp6/udp6 are absent without IPv6
      const parsed = parseProcNet(text, protocol);
      for (const row of parsed.rows) rows.push(row);
      unparsed += parsed.unparsed.length;
    }
    const wanted = new Set<number>();
    for (const row of rows) if (row.inode) wanted.add(row.inode);
    const { owners } = await walkSocketOwners(wanted);
    for (const row of rows) {
      const pids = row.inode ? owners.get(row.inode) : undefined;
      // names are joined by the engine from process facts
      if (pids) row.owners = pids.map((pid) => ({ pid, processName: null }));
    }
    return finishLinuxCollection(rows, unparsed);
  },
};
