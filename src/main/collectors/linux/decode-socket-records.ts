/**
 * Pure decoder of the native reader's socket records (native-reader.c says the layout) into the rows
 * `ss -tunae` would give for the same sockets, read the way parse-ss reads ss's text:
 * - an IPv6 wildcard listener without IPV6_V6ONLY is `::` with dualStack true (ss prints `*`), with it
 *   `::` and false; other IPv6 sockets say dualStack only where the kernel gives V6ONLY (listening and
 *   unconnected ones), as ss prints `v6only:` only there;
 * - a socket bound to an interface gets its name as localScope (ss's `%lo`); ss never prints a peer's;
 * - an unconnected peer (`*:*`, `0.0.0.0:*`, `[::]:*`) is null;
 * - TCP states by the kernel's number, `UNKNOWN` for a number ss would not name; UDP has none.
 *
 * Rows whose record is byte-for-byte the previous decode's come back as the same objects, so a poll
 * where little changed rebuilds little (the engine reuses rows by their raw socket's identity).
 */
import type { RawSocket } from '../../../shared/types';
import { ipv4FromBytes, ipv6FromBytes } from './ip-text';
import { KERNEL_TCP_STATES } from './parse-proc-net';

export const SOCKET_RECORD_SIZE = 64;

const AF_INET = 2;
const AF_INET6 = 10;
const IPPROTO_TCP = 6;
const IPPROTO_UDP = 17;
const V6ONLY_UNKNOWN = 255;

/** A decode, and what the next decode needs to hand unchanged rows out again. */
export interface DecodedSockets {
  rows: RawSocket[];
  /** Records that decoded to nothing (a family or protocol this reader does not show). */
  skipped: number;
  /** The records and, per record, its row or null: the next decode's `previous`. */
  records: Buffer;
  rowOfRecord: (RawSocket | null)[];
}

/** Text forms met in one decode, each made once. */
class AddressTexts {
  private readonly v4 = new Map<number, string>();
  private readonly v6 = new Map<string, string>();

  at(records: Buffer, offset: number, family: 4 | 6): string {
    if (family === 4) {
      const key = records.readUInt32BE(offset);
      let text = this.v4.get(key);
      if (text === undefined) this.v4.set(key, (text = ipv4FromBytes(records.subarray(offset, offset + 4))));
      return text;
    }
    const key = records.toString('latin1', offset, offset + 16);
    let text = this.v6.get(key);
    if (text === undefined) this.v6.set(key, (text = ipv6FromBytes(records.subarray(offset, offset + 16))));
    return text;
  }
}

function isAnyAddress(records: Buffer, offset: number, family: 4 | 6): boolean {
  const end = offset + (family === 4 ? 4 : 16);
  for (let i = offset; i < end; i++) if (records[i] !== 0) return false;
  return true;
}

/** The bound interface's name, or null (NUL-padded bytes 48-63). */
function interfaceName(records: Buffer, offset: number): string | null {
  if (records[offset] === 0) return null;
  const end = records.indexOf(0, offset);
  return records.toString('latin1', offset, end < 0 || end > offset + 16 ? offset + 16 : end);
}

function decodeRecord(records: Buffer, at: number, texts: AddressTexts): RawSocket | null {
  const familyCode = records[at]!;
  const protocolCode = records[at + 1]!;
  if ((familyCode !== AF_INET && familyCode !== AF_INET6) || (protocolCode !== IPPROTO_TCP && protocolCode !== IPPROTO_UDP)) return null;
  const family = familyCode === AF_INET ? 4 : 6;
  const protocol = protocolCode === IPPROTO_TCP ? 'tcp' : 'udp';
  const v6only = records[at + 3]!;
  const localPort = records.readUInt16LE(at + 4);
  const remotePort = records.readUInt16LE(at + 6);
  const inode = records.readUInt32LE(at + 8);
  const localIsAny = isAnyAddress(records, at + 16, family);
  const peerIsWildcard = remotePort === 0 && isAnyAddress(records, at + 32, family);
  let dualStack: boolean | null;
  if (family === 4) dualStack = false;
  else if (localIsAny) dualStack = v6only !== 1;
  else dualStack = v6only === V6ONLY_UNKNOWN ? null : v6only === 0;
  return {
    protocol,
    family,
    localAddress: texts.at(records, at + 16, family),
    localPort,
    localScope: interfaceName(records, at + 48),
    remoteAddress: peerIsWildcard ? null : texts.at(records, at + 32, family),
    remotePort: peerIsWildcard ? null : remotePort,
    remoteScope: null,
    state: protocol === 'udp' ? null : (KERNEL_TCP_STATES[records[at + 2]!] ?? 'UNKNOWN'),
    owners: [],
    uid: records.readUInt32LE(at + 12),
    ownerHidden: null,
    dualStack,
    inode,
  };
}

/** The previous decode's rows by their record's bytes, each to be taken once (equal records: in turn). */
class RowsByRecord {
  private readonly first = new Map<string, RawSocket>();
  /** Rows of records that repeat an earlier one (SO_REUSEPORT listeners of one process): rare. */
  private readonly more = new Map<string, RawSocket[]>();

  constructor(previous: DecodedSockets) {
    for (let i = 0; i < previous.rowOfRecord.length; i++) {
      const row = previous.rowOfRecord[i];
      if (!row) continue;
      const key = previous.records.toString('latin1', i * SOCKET_RECORD_SIZE, (i + 1) * SOCKET_RECORD_SIZE);
      if (!this.first.has(key)) this.first.set(key, row);
      else this.more.set(key, [...(this.more.get(key) ?? []), row]);
    }
  }

  take(key: string): RawSocket | null {
    const row = this.first.get(key);
    if (!row) return null;
    const next = this.more.get(key)?.shift();
    if (next) this.first.set(key, next);
    else this.first.delete(key);
    return row;
  }
}

/** Decode `records`, handing out `previous`'s row again for each record that is byte-for-byte the same. */
export function decodeSocketRecords(records: Buffer, previous?: DecodedSockets): DecodedSockets {
  if (records.length % SOCKET_RECORD_SIZE !== 0) {
    throw new Error(`the native reader's records are ${records.length} bytes, not a multiple of ${SOCKET_RECORD_SIZE}: rebuild it (npm run build)`);
  }
  const count = records.length / SOCKET_RECORD_SIZE;
  const before = previous ? new RowsByRecord(previous) : null;
  const texts = new AddressTexts();
  const rows: RawSocket[] = [];
  const rowOfRecord = new Array<RawSocket | null>(count);
  let skipped = 0;
  for (let i = 0; i < count; i++) {
    const at = i * SOCKET_RECORD_SIZE;
    let row = before?.take(records.toString('latin1', at, at + SOCKET_RECORD_SIZE)) ?? null;
    row ??= decodeRecord(records, at, texts);
    rowOfRecord[i] = row;
    if (row) rows.push(row);
    else skipped++;
  }
  return { rows, skipped, records, rowOfRecord };
}
