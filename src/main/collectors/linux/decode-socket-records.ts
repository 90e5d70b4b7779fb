/**
 * Pure decoder of the native reader's socket records (socket-record.ts, native-reader.c) into the rows
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
import { FIELD, SOCKET_RECORD_SIZE } from './socket-record';

export { SOCKET_RECORD_SIZE };

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

/** The records with a view for reading their numbers. */
class Records {
  readonly view: DataView;
  readonly count: number;

  constructor(readonly bytes: Buffer) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    this.count = bytes.length / SOCKET_RECORD_SIZE;
  }

  /** Whether record `i` here is byte for byte record `j` of `other`. */
  same(i: number, other: Records, j: number): boolean {
    const a = i * SOCKET_RECORD_SIZE;
    const b = j * SOCKET_RECORD_SIZE;
    for (let k = 0; k < SOCKET_RECORD_SIZE; k += 4) if (this.view.getUint32(a + k) !== other.view.getUint32(b + k)) return false;
    return true;
  }

  /** Whether the address at `offset` is all zeros (the wildcard). */
  isAny(offset: number, family: 4 | 6): boolean {
    const end = offset + (family === 4 ? 4 : 16);
    for (let k = offset; k < end; k += 4) if (this.view.getUint32(k) !== 0) return false;
    return true;
  }
}

/** Text forms met in one decode, each made once. */
class AddressTexts {
  private readonly v4 = new Map<number, string>();
  private readonly v6 = new Map<string, string>();

  at(records: Records, offset: number, family: 4 | 6): string {
    if (family === 4) {
      const key = records.view.getUint32(offset);
      let text = this.v4.get(key);
      if (text === undefined) this.v4.set(key, (text = ipv4FromBytes(records.bytes.subarray(offset, offset + 4))));
      return text;
    }
    const key = records.bytes.toString('latin1', offset, offset + 16);
    let text = this.v6.get(key);
    if (text === undefined) this.v6.set(key, (text = ipv6FromBytes(records.bytes.subarray(offset, offset + 16))));
    return text;
  }
}

/** The bound interface's name, or null (NUL-padded, 16 bytes). */
function interfaceName(bytes: Buffer, offset: number): string | null {
  if (bytes[offset] === 0) return null;
  const end = bytes.indexOf(0, offset);
  return bytes.toString('latin1', offset, end < 0 || end > offset + 16 ? offset + 16 : end);
}

function decodeRecord(records: Records, at: number, texts: AddressTexts): RawSocket | null {
  const { bytes, view } = records;
  const familyCode = bytes[at + FIELD.family]!;
  const protocolCode = bytes[at + FIELD.protocol]!;
  if ((familyCode !== AF_INET && familyCode !== AF_INET6) || (protocolCode !== IPPROTO_TCP && protocolCode !== IPPROTO_UDP)) return null;
  const family = familyCode === AF_INET ? 4 : 6;
  const protocol = protocolCode === IPPROTO_TCP ? 'tcp' : 'udp';
  const v6only = bytes[at + FIELD.v6only]!;
  const remotePort = view.getUint16(at + FIELD.remotePort, true);
  const peerIsWildcard = remotePort === 0 && records.isAny(at + FIELD.remoteAddress, family);
  let dualStack: boolean | null;
  if (family === 4) dualStack = false;
  else if (records.isAny(at + FIELD.localAddress, family)) dualStack = v6only !== 1;
  else dualStack = v6only === V6ONLY_UNKNOWN ? null : v6only === 0;
  return {
    protocol,
    family,
    localAddress: texts.at(records, at + FIELD.localAddress, family),
    localPort: view.getUint16(at + FIELD.localPort, true),
    localScope: interfaceName(bytes, at + FIELD.interfaceName),
    remoteAddress: peerIsWildcard ? null : texts.at(records, at + FIELD.remoteAddress, family),
    remotePort: peerIsWildcard ? null : remotePort,
    remoteScope: null,
    state: protocol === 'udp' ? null : (KERNEL_TCP_STATES[bytes[at + FIELD.state]!] ?? 'UNKNOWN'),
    owners: [],
    uid: view.getUint32(at + FIELD.uid, true),
    ownerHidden: null,
    dualStack,
    inode: view.getUint32(at + FIELD.inode, true),
  };
}

/** How many vanished records the in-order match steps over (as parse-ss's does for lines). */
const SKIP_AHEAD = 8;

/**
 * The previous decode's rows, matched to this decode's records: the kernel dumps its tables in the same
 * order poll after poll, so each record is first compared with the previous record after the last match
 * (and a few beyond it, for sockets that went), then looked up by its inode (its ports where it has none:
 * TIME-WAIT) and compared; each previous row is handed out once.
 */
class PreviousRows {
  private next = 0;
  private readonly taken: Uint8Array;
  /** Previous records by `lookupKey` -> their indexes, made the first time the in-order match misses. */
  private byKey: Map<number, number[]> | null = null;

  constructor(private readonly previous: Records, private readonly rows: readonly (RawSocket | null)[]) {
    this.taken = new Uint8Array(previous.count);
  }

  take(records: Records, i: number): RawSocket | null {
    const end = Math.min(this.previous.count, this.next + SKIP_AHEAD + 1);
    for (let j = this.next; j < end; j++) {
      if (!this.taken[j] && records.same(i, this.previous, j)) {
        this.next = j + 1;
        return this.hand(j);
      }
    }
    const candidates = this.lookup().get(lookupKey(records, i));
    for (const j of candidates ?? []) {
      if (this.taken[j] || !records.same(i, this.previous, j)) continue;
      // Many records in a row went (a process holding many sockets exited): where the next record also
      // follows this one, the in-order match goes on from here instead of missing from now on.
      if (j >= this.next && i + 1 < records.count && j + 1 < this.previous.count && records.same(i + 1, this.previous, j + 1)) this.next = j + 1;
      return this.hand(j);
    }
    return null;
  }

  private hand(j: number): RawSocket | null {
    this.taken[j] = 1;
    return this.rows[j] ?? null;
  }

  private lookup(): Map<number, number[]> {
    if (this.byKey) return this.byKey;
    this.byKey = new Map();
    for (let j = 0; j < this.previous.count; j++) {
      const key = lookupKey(this.previous, j);
      const list = this.byKey.get(key);
      if (list) list.push(j);
      else this.byKey.set(key, [j]);
    }
    return this.byKey;
  }
}

/** A number that equal records share and most others do not: the inode, or both ports where it is 0. */
function lookupKey(records: Records, i: number): number {
  const at = i * SOCKET_RECORD_SIZE;
  const inode = records.view.getUint32(at + FIELD.inode, true);
  return inode !== 0 ? inode : -1 - records.view.getUint32(at + FIELD.localPort, true); // both ports; negative: never an inode
}

/** Decode `records`, handing out `previous`'s row again for each record that is byte-for-byte the same. */
export function decodeSocketRecords(bytes: Buffer, previous?: DecodedSockets): DecodedSockets {
  if (bytes.length % SOCKET_RECORD_SIZE !== 0) {
    throw new Error(`the native reader's records are ${bytes.length} bytes, not a multiple of ${SOCKET_RECORD_SIZE}: rebuild it (npm run build)`);
  }
  const records = new Records(bytes);
  const before = previous ? new PreviousRows(new Records(previous.records), previous.rowOfRecord) : null;
  const texts = new AddressTexts();
  const rows: RawSocket[] = [];
  const rowOfRecord = new Array<RawSocket | null>(records.count);
  let skipped = 0;
  for (let i = 0; i < records.count; i++) {
    const row = before?.take(records, i) ?? decodeRecord(records, i * SOCKET_RECORD_SIZE, texts);
    rowOfRecord[i] = row;
    if (row) rows.push(row);
    else skipped++;
  }
  return { rows, skipped, records: bytes, rowOfRecord };
}
