/**
 * Pure parser for `ss -tunap` / `ss -tunapH` / `ss -tunapeH` text (header optional).
 *
 * Address conventions (ss prints the wildcard differently per socket kind):
 * - `*:port`      an AF_INET6 socket on `::` without IPV6_V6ONLY: dual-stack. We report it as
 *                 family 6, localAddress `::`, dualStack true (it accepts IPv4 too).
 * - `[::]:port`   an AF_INET6 socket on `::` with IPV6_V6ONLY: family 6, dualStack false.
 * - `0.0.0.0:port` IPv4 only: family 4, dualStack false.
 * - zones follow the address: `[fe80::1]%eth0:40012`, `127.0.0.53%lo:53` -> localScope `eth0` / `lo`.
 * - the peer of a listener or unconnected UDP socket (`*:*`, `0.0.0.0:*`, `[::]:*`) -> remote null.
 * Owners come from `users:(("name",pid=1,fd=3),(...))`; names are the kernel comm (<= 15 chars) printed
 * unescaped, so they may hold spaces, commas, quotes and parentheses.
 * With `-e`, `uid:` is printed only when non-zero, so a line with `ino:` but no `uid:` is uid 0.
 * Without a Netid column (`ss -tnap`, one socket kind), the protocol is tcp unless the state is UNCONN.
 */
import type { RawSocket, SocketOwner } from '../../../shared/types';
import type { ParseResult } from '../types';
import { canonicalSsState, isSsState } from './ss-states';

/** Netids ss prints for non-TCP/UDP sockets: skipped quietly, they are not garbage. */
const OTHER_NETIDS = new Set([
  'u_str', 'u_dgr', 'u_seq', 'raw', 'p_raw', 'p_dgr', 'nl', 'sctp', 'mptcp', 'v_str', 'v_dgr', 'xdp', 'tipc', 'icmp6',
]);

/** One owner; the lazy name stops at the first `",pid=N` that completes an entry. */
const OWNER = /\("(.*?)",pid=(\d+)(?:,[a-z_]+=[^,()]*)*\)/g; // fd=, and proc_ctx= with -Z

export interface SsEndpoint {
  address: string;
  /** 0 when ss printed `*`. */
  port: number;
  scope: string | null;
  family: 4 | 6;
  /** `*` host: the AF_INET6 wildcard without V6ONLY. */
  starWildcard: boolean;
}

export function parseSsEndpoint(text: string): SsEndpoint | null {
  let host: string;
  let rest: number; // index of the `:port` or `%zone:port` after the host
  if (text.charCodeAt(0) === 91 /* [ */) {
    const close = text.indexOf(']');
    if (close < 0) return null;
    host = text.slice(1, close);
    rest = close + 1;
    const next = text.charCodeAt(rest);
    if (next !== 58 /* : */ && next !== 37 /* % */) return null;
  } else {
    rest = text.lastIndexOf(':');
    if (rest <= 0) return null;
    host = text.slice(0, rest);
  }
  const portColon = text.lastIndexOf(':');
  if (portColon < rest) return null;
  let scope: string | null = text.charCodeAt(rest) === 37 ? text.slice(rest + 1, portColon) : null;
  // A zone written inside the host (`fe80::1%eth0`) is tolerated too.
  const percent = host.indexOf('%');
  if (percent >= 0) {
    scope ??= host.slice(percent + 1);
    host = host.slice(0, percent);
  }
  const port = portAt(text, portColon + 1);
  if (port < 0) return null;
  if (host === '*') return { address: '::', port, scope: scope || null, family: 6, starWildcard: true };
  if (host.includes(':')) {
    if (!/^[0-9a-fA-F:.]+$/.test(host)) return null;
    return { address: host.toLowerCase(), port, scope: scope || null, family: 6, starWildcard: false };
  }
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return null;
  return { address: host, port, scope: scope || null, family: 4, starWildcard: false };
}

/** The port from `start` to the end of `text`: 0 for `*`, -1 unless 1–5 digits up to 65535 (a scan: hot path). */
function portAt(text: string, start: number): number {
  const length = text.length - start;
  if (length === 1 && text.charCodeAt(start) === 42 /* * */) return 0;
  if (length < 1 || length > 5) return -1;
  let port = 0;
  for (let i = start; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    port = port * 10 + digit;
  }
  return port <= 65535 ? port : -1;
}

const isAnyAddress = (address: string): boolean => address === '0.0.0.0' || address === '::';

/** Every owner in the `users:((...))` section (at or after `from`), in ss's order, without duplicate pids. */
export function parseSsUsers(text: string, from = 0): SocketOwner[] {
  const start = text.indexOf('users:(', from);
  if (start < 0) return [];
  const owners: SocketOwner[] = [];
  const seen = new Set<number>();
  OWNER.lastIndex = start + 'users:('.length;
  for (let m = OWNER.exec(text); m; m = OWNER.exec(text)) {
    const pid = Number(m[2]);
    if (seen.has(pid)) continue; // one process holding the socket on several fds
    seen.add(pid);
    owners.push({ pid, processName: m[1] ?? null });
  }
  return owners;
}

function isHeader(line: string): boolean {
  const c = line.charCodeAt(0);
  return (c === 78 /* N */ || c === 83 /* S */) && /^(Netid|State)\s+(State|Recv-Q)/.test(line);
}

const isSpace = (c: number): boolean => c === 32 || c === 9;

/** The end of the token that starts at or after `from` (skipping blanks), or -1 at the line's end. */
function tokenEnd(line: string, from: number): number {
  let i = from;
  while (i < line.length && isSpace(line.charCodeAt(i))) i++;
  if (i >= line.length) return -1;
  while (i < line.length && !isSpace(line.charCodeAt(i))) i++;
  return i;
}

/** The token that ends at `end` (`tokenEnd`'s answer). */
function tokenBefore(line: string, end: number): string {
  let start = end;
  while (start > 0 && !isSpace(line.charCodeAt(start - 1))) start--;
  return line.slice(start, end);
}

function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return false;
  }
  return true;
}

/**
 * The number of the first blank-preceded `key` (`ino:`, `uid:`, `v6only:`) with digits after it, at or
 * after `from`; null when there is none. A scan, not a regex per key: three per line at 40k lines.
 */
function extraNumber(line: string, from: number, key: string): number | null {
  for (let at = line.indexOf(key, from); at >= 0; at = line.indexOf(key, at + 1)) {
    if (!isSpace(line.charCodeAt(at - 1))) continue;
    let value = 0;
    let i = at + key.length;
    for (; i < line.length; i++) {
      const digit = line.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) break;
      value = value * 10 + digit;
    }
    if (i > at + key.length) return value;
  }
  return null;
}

/** Parse one data line; null when it is not a TCP/UDP row we can read. 'skip' for other socket kinds. */
export function parseSsLine(line: string): RawSocket | null | 'skip' {
  // Columns: [Netid] State Recv-Q Send-Q Local Peer [extras…]; found by scanning, sliced only when used.
  let end = tokenEnd(line, 0);
  if (end < 0) return null;
  const first = tokenBefore(line, end);
  const hasNetid = !isSsState(first);
  if (hasNetid && OTHER_NETIDS.has(first)) return 'skip';
  let stateWord = first;
  if (hasNetid) {
    end = tokenEnd(line, end);
    if (end < 0) return null;
    stateWord = tokenBefore(line, end);
  }
  const netid = hasNetid ? first : stateWord === 'UNCONN' ? 'udp' : 'tcp';
  const protocol = netid === 'tcp' ? 'tcp' : netid === 'udp' ? 'udp' : null;
  if (!protocol || !isSsState(stateWord)) return null;
  for (let queue = 0; queue < 2; queue++) {
    end = tokenEnd(line, end);
    if (end < 0 || !isDigits(tokenBefore(line, end))) return null;
  }
  end = tokenEnd(line, end);
  if (end < 0) return null;
  const local = parseSsEndpoint(tokenBefore(line, end));
  end = tokenEnd(line, end);
  if (end < 0) return null;
  const peer = parseSsEndpoint(tokenBefore(line, end));
  if (!local || !peer) return null;

  // `-e` extras and `-p` users come after the peer (`end`)
  const ino = extraNumber(line, end, 'ino:');
  const uid = extraNumber(line, end, 'uid:') ?? (ino !== null ? 0 : null);
  let dualStack: boolean | null;
  if (local.family === 4) dualStack = false;
  else if (local.starWildcard) dualStack = true;
  else if (local.address === '::') dualStack = false; // `[::]:port` is printed only for V6ONLY sockets
  else {
    const v6only = extraNumber(line, end, 'v6only:');
    dualStack = v6only === null ? null : v6only === 0;
  }

  const peerIsWildcard = peer.port === 0 && (peer.starWildcard || isAnyAddress(peer.address));
  const row: RawSocket = {
    protocol,
    family: local.family,
    localAddress: local.address,
    localPort: local.port,
    localScope: local.scope,
    remoteAddress: peerIsWildcard ? null : peer.address,
    remotePort: peerIsWildcard ? null : peer.port,
    remoteScope: peerIsWildcard ? null : peer.scope,
    state: protocol === 'udp' ? null : canonicalSsState(stateWord),
    owners: parseSsUsers(line, end),
    uid,
    ownerHidden: null,
    dualStack,
  };
  if (ino !== null) row.inode = ino;
  return row;
}

export function parseSs(text: string): ParseResult {
  return parseSsReusing(text).parsed;
}

/** A parse's rows and, for each, the line it came from: what the next poll may reuse. */
export interface SsParse {
  parsed: ParseResult;
  lines: string[];
}

/**
 * Parse a whole ss output, reusing the previous poll's rows by their line: an unchanged line yields the
 * very same row object again, which lets the engine reuse its built row. The line -> row lookup is built
 * here from `previous`, not at the end of each parse, so a one-shot `list` never pays for it.
 */
export function parseSsReusing(text: string, previous?: SsParse): SsParse {
  const parsed: ParseResult = { rows: [], unparsed: [] };
  const lines: string[] = [];
  if (typeof text !== 'string') return { parsed, lines };
  const reusable = previous ? rowsByLine(previous) : null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || isHeader(line)) continue;
    let row: RawSocket | null | 'skip' | undefined = reusable?.get(line);
    if (row) reusable!.delete(line); // the same line twice in one output: two rows, two objects
    else row = parseSsLine(line);
    if (row === 'skip') continue;
    if (row) {
      parsed.rows.push(row);
      lines.push(line);
    } else parsed.unparsed.push(raw);
  }
  return { parsed, lines };
}

function rowsByLine({ parsed, lines }: SsParse): Map<string, RawSocket> {
  const byLine = new Map<string, RawSocket>();
  for (let i = lines.length - 1; i >= 0; i--) byLine.set(lines[i]!, parsed.rows[i]!); // backwards: a line's first row wins
  return byLine;
}
