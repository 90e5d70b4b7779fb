/**
 * The socket table from the native reader's netlink sock_diag dump (native-reader.c): what `ss -tunae`
 * prints, without a child process or text to parse. The Linux first choice when the reader is built;
 * unchanged sockets keep their rows between polls (decode-socket-records.ts).
 */
import type { Collector } from '../types';
import { decodeSocketRecords, type DecodedSockets } from './decode-socket-records';
import { finishLinuxCollection, LiveOwners } from './linux-collection';
import { nativeReader, readSocketsNatively, type NativeReader } from './native-reader';

export function createSockDiagCollector(owners = new LiveOwners(), reader: NativeReader | null = nativeReader()): Collector {
  let last: DecodedSockets | undefined;
  return {
    name: 'sock_diag',
    available: async () => reader !== null,
    async collect() {
      if (!reader) throw new Error('the native reader is not built');
      const reading = readSocketsNatively(reader);
      owners.prefetch(); // a due full fd read needs no table: it runs beside the dump
      last = decodeSocketRecords(await reading, last);
      await owners.attach(last.rows);
      return finishLinuxCollection(last.rows, last.skipped);
    },
  };
}
