/**
 * Pure parser for /proc/net/{tcp,tcp6,udp,udp6}. Addresses are hex `ADDR:PORT`: an IPv4 address is one
 * 32-bit word in host order (little-endian here: `0100007F` = 127.0.0.1); an IPv6 address is four such
 * words, each byte-reversed on its own. Fields: sl, local, remote, st, tx:rx, tr:when, retrnsmt, uid,
 * timeout, inode. /proc/net has no zone and no V6ONLY flag, so dualStack is null for `::` sockets.
 * Owners are not in the file: the fd walk (proc-fd-walk.ts) maps inode -> pids.
 */
import type { Protocol, RawSocket } from '../../../shared/types';
import type { ParseResult } from '../types';
import { ipv4FromBytes, ipv6FromBytes } from './ip-text';

/** Kernel TCP states (include/net/tcp_states.h) -> canonical names; the native reader's records carry them too. */
export const KERNEL_TCP_STATES: Record<number, string> = {
  0x01: 'ESTABLISHED',
  0x02: 'SYN_SENT',
  0x03: 'SYN_RECEIVED',
  0x04: 'FIN_WAIT_1',
  0x05: 'FIN_WAIT_2',
  0x06: 'TIME_WAIT',
  0x07: 'CLOSED',
  0x08: 'CLOSE_WAIT',
  0x09: 'LAST_ACK',
  0x0a: 'LISTEN',
  0x0b: 'CLOSING',
  0x0c: 'SYN_RECEIVED', // TCP_NEW_SYN_RECV
};

interface HexEndpoint {
  family: 4 | 6;
  address: string;
  port: number;
}

/** Reverse each 4-byte word of the hex text into network-order bytes. */
function wordsToBytes(hex: string): number[] {
  const bytes: number[] = [];
  for (let w = 0; w < hex.length; w += 8) {
    for (let i = 6; i >= 0; i -= 2) bytes.push(parseInt(hex.slice(w + i, w + i + 2), 16));
  }
  return bytes;
}

export function parseHexEndpoint(text: string): HexEndpoint | null {
  const m = /^([0-9A-Fa-f]{8}|[0-9A-Fa-f]{32}):([0-9A-Fa-f]{4})$/.exec(text);
  if (!m) return null;
  const bytes = wordsToBytes(m[1]!);
  const port = parseInt(m[2]!, 16);
  return bytes.length === 4
    ? { family: 4, address: ipv4FromBytes(bytes), port }
    : { family: 6, address: ipv6FromBytes(bytes), port };
}

const isAny = (address: string): boolean => address === '0.0.0.0' || address === '::';

function parseProcNetLine(line: string, protocol: Protocol): RawSocket | null {
  const f = line.trim().split(/\s+/);
  if (f.length < 10 || !/^\d+:$/.test(f[0]!)) return null;
  const local = parseHexEndpoint(f[1]!);
  const remote = parseHexEndpoint(f[2]!);
  if (!local || !remote || local.family !== remote.family) return null;
  if (!/^[0-9A-Fa-f]{2}$/.test(f[3]!) || !/^\d+$/.test(f[7]!) || !/^\d+$/.test(f[9]!)) return null;
  const stateCode = parseInt(f[3]!, 16);
  const unconnected = remote.port === 0 && isAny(remote.address);
  let state: string | null = null;
  if (protocol === 'tcp') state = KERNEL_TCP_STATES[stateCode] ?? `0x${f[3]!.toUpperCase()}`;
  return {
    protocol,
    family: local.family,
    localAddress: local.address,
    localPort: local.port,
    localScope: null,
    remoteAddress: unconnected ? null : remote.address,
    remotePort: unconnected ? null : remote.port,
    remoteScope: null,
    state,
    owners: [],
    uid: Number(f[7]),
    ownerHidden: null,
    dualStack: local.family === 4 ? false : local.address === '::' ? null : false,
    inode: Number(f[9]),
  };
}

/** Parse one /proc/net table; the family of each row comes from the address width. */
export function parseProcNet(text: string, protocol: Protocol): ParseResult {
  const result: ParseResult = { rows: [], unparsed: [] };
  if (typeof text !== 'string') return result;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('sl ')) continue;
    const row = parseProcNetLine(line, protocol);
    if (row) result.rows.push(row);
    else result.unparsed.push(raw);
  }
  return result;
}
