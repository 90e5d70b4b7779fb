/** /proc/net/{tcp,tcp6,udp,udp6} + the socket owner index: serves when ss is missing (minimal containers). */
import { access, readFile } from 'node:fs/promises';
import type { RawSocket } from '../../../shared/types';
import type { Collector } from '../types';
import { parseProcNet } from './parse-proc-net';
import { finishLinuxCollection, LiveOwners } from './linux-collection';

const TABLES = [
  ['/proc/net/tcp', 'tcp'],
  ['/proc/net/tcp6', 'tcp'],
  ['/proc/net/udp', 'udp'],
  ['/proc/net/udp6', 'udp'],
] as const;

export function createProcNetCollector(owners = new LiveOwners()): Collector {
  return {
    name: 'proc-net',
    available: async () =>
      access('/proc/net/tcp').then(
        () => true,
        () => false,
      ),
    async collect() {
      owners.prefetch(); // a due full fd read runs while the tables below are read and parsed
      const rows: RawSocket[] = [];
      let unparsed = 0;
      for (const [file, protocol] of TABLES) {
        const text = await readFile(file, 'utf8').catch(() => ''); // tcp6/udp6 are absent without IPv6
        const parsed = parseProcNet(text, protocol);
        for (const row of parsed.rows) rows.push(row);
        unparsed += parsed.unparsed.length;
      }
      await owners.attach(rows);
      return finishLinuxCollection(rows, unparsed);
    },
  };
}
