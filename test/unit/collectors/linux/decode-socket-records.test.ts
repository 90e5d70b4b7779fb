import { describe, expect, it } from 'vitest';
import { decodeSocketRecords, SOCKET_RECORD_SIZE } from '../../../../src/main/collectors/linux/decode-socket-records';

/** One record as native-reader.c writes it (the layout its comment gives). */
interface Record {
  family: 2 | 10;
  protocol: 6 | 17;
  state: number;
  v6only?: number;
  localPort: number;
  remotePort?: number;
  inode?: number;
  uid?: number;
  local: number[];
  remote?: number[];
  iface?: string;
}

function record(r: Record): Buffer {
  const bytes = Buffer.alloc(SOCKET_RECORD_SIZE);
  bytes[0] = r.family;
  bytes[1] = r.protocol;
  bytes[2] = r.state;
  bytes[3] = r.v6only ?? 255;
  bytes.writeUInt16LE(r.localPort, 4);
  bytes.writeUInt16LE(r.remotePort ?? 0, 6);
  bytes.writeUInt32LE(r.inode ?? 0, 8);
  bytes.writeUInt32LE(r.uid ?? 0, 12);
  Buffer.from(r.local).copy(bytes, 16);
  Buffer.from(r.remote ?? []).copy(bytes, 32);
  if (r.iface) bytes.write(r.iface, 48, 'latin1');
  return bytes;
}

const LOOPBACK4 = [127, 0, 0, 1];
const ANY4 = [0, 0, 0, 0];
const ANY6 = new Array<number>(16).fill(0);
const LOOPBACK6 = [...new Array<number>(15).fill(0), 1];
const MAPPED = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 10, 1, 2, 3];
const LINK_LOCAL = [0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7];
const TCP_LISTEN = 10;
const TCP_ESTABLISHED = 1;
const TCP_TIME_WAIT = 6;
const UDP_UNCONNECTED = 7;

describe('decodeSocketRecords: the native reader’s records as ss -tunae would give them', () => {
  it('reads IPv4 listeners and connections: ports, inode, uid, no peer for a listener', () => {
    const { rows, skipped } = decodeSocketRecords(
      Buffer.concat([
        record({ family: 2, protocol: 6, state: TCP_LISTEN, localPort: 8080, inode: 4242, uid: 1000, local: ANY4, remote: ANY4 }),
        record({ family: 2, protocol: 6, state: TCP_ESTABLISHED, localPort: 51000, remotePort: 8080, inode: 4243, local: LOOPBACK4, remote: LOOPBACK4 }),
      ]),
    );
    expect(skipped).toBe(0);
    expect(rows).toEqual([
      { protocol: 'tcp', family: 4, localAddress: '0.0.0.0', localPort: 8080, localScope: null, remoteAddress: null, remotePort: null, remoteScope: null, state: 'LISTEN', owners: [], uid: 1000, ownerHidden: null, dualStack: false, inode: 4242 },
      { protocol: 'tcp', family: 4, localAddress: '127.0.0.1', localPort: 51000, localScope: null, remoteAddress: '127.0.0.1', remotePort: 8080, remoteScope: null, state: 'ESTABLISHED', owners: [], uid: 0, ownerHidden: null, dualStack: false, inode: 4243 },
    ]);
  });

  it('IPv6 wildcards: dual-stack unless V6ONLY (ss prints `*` and `[::]`); others only where the kernel says', () => {
    const { rows } = decodeSocketRecords(
      Buffer.concat([
        record({ family: 10, protocol: 6, state: TCP_LISTEN, v6only: 0, localPort: 80, local: ANY6, remote: ANY6 }),
        record({ family: 10, protocol: 6, state: TCP_LISTEN, v6only: 1, localPort: 81, local: ANY6, remote: ANY6 }),
        record({ family: 10, protocol: 6, state: TCP_LISTEN, v6only: 1, localPort: 82, local: LOOPBACK6, remote: ANY6 }),
        record({ family: 10, protocol: 6, state: TCP_ESTABLISHED, localPort: 50000, remotePort: 82, local: LOOPBACK6, remote: LOOPBACK6 }),
        record({ family: 10, protocol: 6, state: TCP_ESTABLISHED, localPort: 443, remotePort: 40000, local: MAPPED, remote: MAPPED }),
      ]),
    );
    expect(rows.map((r) => [r.localAddress, r.localPort, r.dualStack, r.remoteAddress])).toEqual([
      ['::', 80, true, null],
      ['::', 81, false, null],
      ['::1', 82, false, null],
      ['::1', 50000, null, '::1'],
      ['::ffff:10.1.2.3', 443, null, '::ffff:10.1.2.3'],
    ]);
    expect(rows.every((r) => r.family === 6)).toBe(true);
  });

  it('UDP has no state; a socket bound to an interface names it as the local scope; the peer never has one', () => {
    const { rows } = decodeSocketRecords(
      Buffer.concat([
        record({ family: 2, protocol: 17, state: UDP_UNCONNECTED, localPort: 53, local: [127, 0, 0, 53], remote: ANY4, iface: 'lo' }),
        record({ family: 10, protocol: 17, state: TCP_ESTABLISHED, localPort: 5353, remotePort: 5353, local: LINK_LOCAL, remote: LINK_LOCAL, iface: 'a-fifteen-chars' }),
      ]),
    );
    expect(rows.map((r) => [r.protocol, r.state, r.localAddress, r.localScope, r.remoteAddress, r.remoteScope])).toEqual([
      ['udp', null, '127.0.0.53', 'lo', null, null],
      ['udp', null, 'fe80::7', 'a-fifteen-chars', 'fe80::7', null],
    ]);
  });

  it('TIME-WAIT keeps inode 0 and uid 0 (ss prints ino:0); a state number ss would not name is UNKNOWN', () => {
    const { rows } = decodeSocketRecords(
      Buffer.concat([
        record({ family: 2, protocol: 6, state: TCP_TIME_WAIT, localPort: 8080, remotePort: 51000, local: LOOPBACK4, remote: LOOPBACK4 }),
        record({ family: 2, protocol: 6, state: 99, localPort: 9, remotePort: 9, local: LOOPBACK4, remote: LOOPBACK4 }),
      ]),
    );
    expect(rows.map((r) => [r.state, r.inode, r.uid])).toEqual([
      ['TIME_WAIT', 0, 0],
      ['UNKNOWN', 0, 0],
    ]);
  });

  it('a record of another family or protocol is counted as skipped, not shown', () => {
    const { rows, skipped } = decodeSocketRecords(
      Buffer.concat([
        record({ family: 2, protocol: 6, state: TCP_LISTEN, localPort: 1, local: ANY4 }),
        record({ family: 2, protocol: 132 as 6, state: TCP_LISTEN, localPort: 2, local: ANY4 }),
        record({ family: 1 as 2, protocol: 6, state: TCP_LISTEN, localPort: 3, local: ANY4 }),
      ]),
    );
    expect(rows.map((r) => r.localPort)).toEqual([1]);
    expect(skipped).toBe(2);
  });

  it('hands out the same row object for an unchanged record, a new one for a changed record, one row per record', () => {
    const listener = record({ family: 2, protocol: 6, state: TCP_LISTEN, localPort: 80, inode: 1, local: ANY4 });
    const connection = record({ family: 2, protocol: 6, state: TCP_ESTABLISHED, localPort: 80, remotePort: 5000, inode: 2, local: LOOPBACK4, remote: LOOPBACK4 });
    const first = decodeSocketRecords(Buffer.concat([listener, connection, listener]));
    const closing = record({ family: 2, protocol: 6, state: 8, localPort: 80, remotePort: 5000, inode: 2, local: LOOPBACK4, remote: LOOPBACK4 });
    const second = decodeSocketRecords(Buffer.concat([closing, listener, listener]), first);
    expect(second.rows[1]).toBe(first.rows[0]);
    expect(second.rows[2]).toBe(first.rows[2]);
    expect(second.rows[1]).not.toBe(second.rows[2]); // two equal records: two rows, as before
    expect(second.rows[0]).not.toBe(first.rows[1]);
    expect(second.rows[0]!.state).toBe('CLOSE_WAIT');
    const third = decodeSocketRecords(Buffer.concat([closing, listener, listener]), second);
    expect(third.rows).toEqual(second.rows);
    expect(third.rows.every((row, i) => row === second.rows[i])).toBe(true);
  });

  it('matches records that came, went and moved: each unchanged one keeps its row, once', () => {
    const connection = (port: number) =>
      record({ family: 2, protocol: 6, state: TCP_ESTABLISHED, localPort: 80, remotePort: port, inode: port, local: LOOPBACK4, remote: LOOPBACK4 });
    const ports = Array.from({ length: 40 }, (_, i) => 5000 + i);
    const first = decodeSocketRecords(Buffer.concat(ports.map(connection)));
    // 5003 and 5010-5029 went (more than the in-order match steps over), 6000 came, 5039 moved to the front
    const now = [5039, ...ports.filter((p) => p !== 5003 && (p < 5010 || p > 5029) && p !== 5039).flatMap((p) => (p === 5005 ? [p, 6000] : [p]))];
    const second = decodeSocketRecords(Buffer.concat(now.map(connection)), first);
    const before = new Map(first.rows.map((row) => [row.remotePort, row]));
    for (const row of second.rows) {
      if (row.remotePort === 6000) expect(before.has(6000)).toBe(false);
      else expect(row, `the row of :${row.remotePort}`).toBe(before.get(row.remotePort));
    }
    expect(second.rows.map((r) => r.remotePort)).toEqual(now);
    expect(new Set(second.rows).size).toBe(second.rows.length);
  });

  it('never hands one previous row out twice, whichever way it was matched', () => {
    const listener = record({ family: 2, protocol: 6, state: TCP_LISTEN, localPort: 80, local: ANY4 });
    const filler = (port: number) => record({ family: 2, protocol: 6, state: TCP_LISTEN, localPort: port, local: LOOPBACK4 });
    const fillers = Array.from({ length: 10 }, (_, i) => filler(9000 + i));
    // the first listener is found by its bytes (beyond the in-order window), the fillers in order after it
    const first = decodeSocketRecords(Buffer.concat([...fillers, listener, filler(9999)]));
    const second = decodeSocketRecords(Buffer.concat([listener, ...fillers, listener]), first);
    expect(second.rows[0]).toBe(first.rows[10]);
    expect(second.rows[11]).not.toBe(first.rows[10]); // one listener before, two now: the second is new
    // the first listener is matched in order, the second only by its bytes (the first's index comes first)
    const third = decodeSocketRecords(Buffer.concat([listener, ...fillers, listener]));
    const fourth = decodeSocketRecords(Buffer.concat([listener, filler(7000), listener]), third);
    expect(fourth.rows[0]).toBe(third.rows[0]);
    expect(fourth.rows[2]).toBe(third.rows[11]);
    expect(new Set([...second.rows, ...fourth.rows]).size).toBe(second.rows.length + fourth.rows.length);
  });

  it('refuses records of another size with what to do', () => {
    expect(() => decodeSocketRecords(Buffer.alloc(SOCKET_RECORD_SIZE + 8))).toThrow(/not a multiple of 64: rebuild it \(npm run build\)/);
  });
});
