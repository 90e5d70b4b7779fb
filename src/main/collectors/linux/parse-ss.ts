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

/**
 * One owner entry, matched where the last one ended (sticky). The lazy name stops at the first `",pid=N…)`
 * that is followed by the next entry or the section's end, so a name may hold `",pid=`, `)` or ` ino:`.
 */
const OWNER = /\("(.*?)",pid=(\d+)(?:,[a-z_]+=[^,()]*)*\)(?=,\(|\))/y; // fd=, and proc_ctx= with -Z

export interface SsEndpoint {
  address: string;
  /** 0 when ss printed `*`. */
  port: number;
  scope: string | null;
  family: 4 | 6;
  /** `*` host: the AF_INET6 wildcard without V6ONLY. */
  starWildcard: boolean;
}

/** What a host text (the endpoint without its zone and port) says. */
export interface HostParse {
  text: string;
  address: string;
  family: 4 | 6;
  starWildcard: boolean;
}

function parseHost(host: string): HostParse | null {
  if (host === '*') return { text: host, address: '::', family: 6, starWildcard: true };
  if (host.includes(':')) {
    if (!/^[0-9a-fA-F:.]+$/.test(host)) return null;
    return { text: host, address: host.toLowerCase(), family: 6, starWildcard: false };
  }
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return null;
  return { text: host, address: host, family: 4, starWildcard: false };
}

/** The last token of one column, handed out again while the next lines repeat it (compared in place, not sliced). */
class RepeatedToken {
  private last = '';

  at(line: string, start: number, end: number): string {
    const last = this.last;
    if (end - start === last.length && line.startsWith(last, start)) return last;
    return (this.last = line.slice(start, end));
  }
}

/**
 * What one parse has met. Hosts by their text: a repeated host (127.0.0.1 at both ends of 40k loopback
 * sockets) is checked once, and its rows share one address string: less to allocate and keep, and the
 * table's sort compares such addresses by identity. And the first two columns' words (`tcp`, `ESTAB`):
 * a repeated word is one string, whose hash the lookups then keep.
 */
export class LineMemo {
  readonly firstWord = new RepeatedToken();
  readonly stateWord = new RepeatedToken();
  private readonly hostText = new RepeatedToken();
  private last: HostParse | null = null;
  private readonly byText = new Map<string, HostParse | null>();

  /** The parse of the host `line[start, end)`: a repeat of the last host is compared in place, not sliced. */
  getAt(line: string, start: number, end: number): HostParse | null {
    return this.get(this.hostText.at(line, start, end)); // most lines repeat it: then get() meets its string
  }

  get(host: string): HostParse | null {
    if (this.last !== null && this.last.text === host) return this.last;
    let parsed = this.byText.get(host);
    if (parsed === undefined) {
      parsed = parseHost(host);
      this.byText.set(host, parsed);
    }
    if (parsed) this.last = parsed;
    return parsed;
  }
}

export function parseSsEndpoint(text: string, hosts = new LineMemo()): SsEndpoint | null {
  return endpointAt(text, 0, text.length, hosts);
}

/** The endpoint `line[from, to)`, read where it stands: only the parts a row keeps are sliced (a hot path). */
function endpointAt(line: string, from: number, to: number, hosts: LineMemo): SsEndpoint | null {
  let hostStart = from;
  let hostEnd: number;
  let rest: number; // index of the `:port` or `%zone:port` after the host
  if (line.charCodeAt(from) === 91 /* [ */) {
    hostStart = from + 1;
    hostEnd = line.indexOf(']', hostStart);
    if (hostEnd < 0 || hostEnd >= to) return null;
    rest = hostEnd + 1;
    const next = line.charCodeAt(rest);
    if (next !== 58 /* : */ && next !== 37 /* % */) return null;
  } else {
    rest = line.lastIndexOf(':', to - 1);
    if (rest <= from) return null;
    hostEnd = rest;
  }
  const portColon = line.lastIndexOf(':', to - 1);
  if (portColon < rest) return null;
  let scope: string | null = line.charCodeAt(rest) === 37 ? line.slice(rest + 1, portColon) : null;
  // A zone written inside the host (`fe80::1%eth0`) is tolerated too.
  const percent = indexBetween(line, 37 /* % */, hostStart, hostEnd);
  if (percent >= 0) {
    scope ??= line.slice(percent + 1, hostEnd);
    hostEnd = percent;
  }
  const port = portAt(line, portColon + 1, to);
  if (port < 0) return null;
  const parsed = hosts.getAt(line, hostStart, hostEnd);
  if (!parsed) return null;
  return { address: parsed.address, port, scope: scope || null, family: parsed.family, starWildcard: parsed.starWildcard };
}

/** The index of the first `code` in `text[from, to)`, -1 if none: indexOf would search on past `to`. */
function indexBetween(text: string, code: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === code) return i;
  return -1;
}

/** The port in `text[start, end)`: 0 for `*`, -1 unless 1–5 digits up to 65535. */
function portAt(text: string, start: number, end: number): number {
  const length = end - start;
  if (length === 1 && text.charCodeAt(start) === 42 /* * */) return 0;
  if (length < 1 || length > 5) return -1;
  const port = decimal(text, start, end, true);
  return port <= 65535 ? port : -1;
}

/**
 * The value of the decimal digits at the start of text[from, to): -1 when there are none, or when `whole`
 * and a non-digit comes before `to`. A scan, not Number(slice): a hot path.
 */
function decimal(text: string, from: number, to: number, whole: boolean): number {
  let value = 0;
  let i = from;
  for (; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) break; // also NaN, past the text's end
    value = value * 10 + digit;
  }
  return i === from || (whole && i < to) ? -1 : value;
}

const isAnyAddress = (address: string): boolean => address === '0.0.0.0' || address === '::';

/** Every owner in the `users:((...))` section (at or after `from`), in ss's order, without duplicate pids. */
export function parseSsUsers(text: string, from = 0): SocketOwner[] {
  const start = text.indexOf('users:(', from);
  return start < 0 ? [] : usersAt(text, start).owners;
}

/** The owners of the `users:((…),(…))` section at `start`, and where the section ends. */
function usersAt(text: string, start: number): { owners: SocketOwner[]; end: number } {
  const owners: SocketOwner[] = [];
  const seen = new Set<number>();
  let end = start + 'users:('.length;
  for (;;) {
    OWNER.lastIndex = end;
    const m = OWNER.exec(text);
    if (!m) break;
    end = OWNER.lastIndex + 1; // past the `,` before the next entry, or the section's closing `)`
    const pid = Number(m[2]);
    if (!seen.has(pid)) {
      seen.add(pid); // one process holding the socket on several fds is one owner
      owners.push({ pid, processName: m[1] ?? null });
    }
    if (text.charCodeAt(end - 1) === 41 /* ) */) break;
  }
  return { owners, end };
}

function isHeader(line: string): boolean {
  const c = line.charCodeAt(0);
  return (c === 78 /* N */ || c === 83 /* S */) && /^(Netid|State)\s+(State|Recv-Q)/.test(line);
}

const isSpace = (c: number): boolean => c === 32 || c === 9;

/** The index of the first non-blank at or after `from`: where the next token starts (line.length if none). */
function skipBlanks(line: string, from: number): number {
  let i = from;
  while (i < line.length && isSpace(line.charCodeAt(i))) i++;
  return i;
}

/** The end of the token that starts at `start` (`start` itself at the line's end). */
function tokenEnd(line: string, start: number): number {
  let i = start;
  while (i < line.length && !isSpace(line.charCodeAt(i))) i++;
  return i;
}

/**
 * The number of the first blank-preceded `key` (`ino:`, `uid:`, `v6only:`) with digits after it, at or
 * after `from`; null when there is none. A scan, not a regex per key: three per line at 40k lines.
 */
function extraNumber(line: string, from: number, key: string): number | null {
  for (let at = line.indexOf(key, from); at >= 0; at = line.indexOf(key, at + 1)) {
    if (!isSpace(line.charCodeAt(at - 1))) continue;
    const value = decimal(line, at + key.length, line.length, false);
    if (value >= 0) return value;
  }
  return null;
}

/**
 * Parse one data line; null when it is not a TCP/UDP row we can read. 'skip' for other socket kinds.
 * `memo` lets the lines of one table share their hosts' parses and words.
 */
export function parseSsLine(line: string, memo = new LineMemo()): RawSocket | null | 'skip' {
  // Columns: [Netid] State Recv-Q Send-Q Local Peer [extras…]: each token's bounds found by one forward
  // scan, and sliced only when a string is needed.
  let start = skipBlanks(line, 0);
  let end = tokenEnd(line, start);
  if (start === end) return null;
  const first = memo.firstWord.at(line, start, end);
  const hasNetid = !isSsState(first);
  if (hasNetid && OTHER_NETIDS.has(first)) return 'skip';
  let stateWord = first;
  if (hasNetid) {
    start = skipBlanks(line, end);
    end = tokenEnd(line, start);
    if (start === end) return null;
    stateWord = memo.stateWord.at(line, start, end);
  }
  const netid = hasNetid ? first : stateWord === 'UNCONN' ? 'udp' : 'tcp';
  const protocol = netid === 'tcp' ? 'tcp' : netid === 'udp' ? 'udp' : null;
  if (!protocol || !isSsState(stateWord)) return null;
  for (let queue = 0; queue < 2; queue++) {
    start = skipBlanks(line, end);
    end = tokenEnd(line, start);
    if (decimal(line, start, end, true) < 0) return null; // also at the line's end: no digits
  }
  start = skipBlanks(line, end);
  end = tokenEnd(line, start);
  if (start === end) return null;
  const local = endpointAt(line, start, end, memo);
  start = skipBlanks(line, end);
  end = tokenEnd(line, start);
  if (start === end) return null;
  const peer = endpointAt(line, start, end, memo);
  if (!local || !peer) return null;

  // After the peer (`end`): `-p` users, then the `-e` extras — searched for after the users, since a
  // process name may itself contain " ino:".
  const usersStart = line.indexOf('users:(', end);
  const users = usersStart < 0 ? null : usersAt(line, usersStart);
  const extras = users ? users.end : end;
  const ino = extraNumber(line, extras, 'ino:');
  const uid = extraNumber(line, extras, 'uid:') ?? (ino !== null ? 0 : null);
  let dualStack: boolean | null;
  if (local.family === 4) dualStack = false;
  else if (local.starWildcard) dualStack = true;
  else if (local.address === '::') dualStack = false; // `[::]:port` is printed only for V6ONLY sockets
  else {
    const v6only = extraNumber(line, extras, 'v6only:');
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
    owners: users ? users.owners : [],
    uid,
    ownerHidden: null,
    dualStack,
    inode: ino ?? undefined, // in the literal even when unknown: a property added after would cost each row a second allocation
  };
  return row;
}

export function parseSs(text: string): ParseResult {
  return parseSsReusing(text).parsed;
}

/** A parse's rows and, for each, the line it came from (or that line's reuse key): what the next poll may reuse. */
export interface SsParse {
  parsed: ParseResult;
  /** Each row's line, or its reuse key where the parse made one (then the same string as in `keys`). */
  lines: string[];
  /**
   * Each row's reuse key where matching its line made one (a line with a timer value compared by key),
   * else undefined: the next poll compares its lines with these as they are instead of making them again.
   * A TIME-WAIT countdown's line is compared by key at every poll, so its key is made once per poll.
   */
  keys: (string | undefined)[];
}

/**
 * Parses ss output as it comes, part by part (each part whole lines), reusing the previous poll's rows by
 * their line: an unchanged line yields the very same row object again, which lets the engine reuse its
 * built row.
 */
export class SsParser {
  private readonly parsed: ParseResult = { rows: [], unparsed: [] };
  private readonly lines: string[] = [];
  private readonly keys: (string | undefined)[] = [];
  private readonly reusable: PreviousLines | null;
  private readonly memo = new LineMemo();
  /** Whether any line held more than blanks: an empty output is ss failing, not an empty table. */
  printed = false;

  constructor(previous?: SsParse) {
    this.reusable = previous ? new PreviousLines(previous) : null;
  }

  /** Parse the next part of the output: whole lines (a line cut in two would be read as two). */
  add(text: string): void {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) { // indexed: early parts run cold (see engine's row loops)
      const raw = lines[i]!;
      const line = raw.trim();
      if (line === '') continue;
      this.printed = true;
      if (isHeader(line)) continue;
      const row = this.reusable?.take(line) ?? parseSsLine(line, this.memo);
      if (row === 'skip') continue;
      if (row) {
        const key = this.reusable?.madeKey; // of this line, if matching it made one
        this.parsed.rows.push(row);
        this.lines.push(key ?? line); // the key in the line's place: no second string kept
        this.keys.push(key); // for every row, undefined for most: written sparsely it became a dictionary
      } else this.parsed.unparsed.push(raw);
    }
  }

  /** The parse so far: rows and the lines they came from (or their keys), what the next poll may reuse. */
  result(): SsParse {
    return { parsed: this.parsed, lines: this.lines, keys: this.keys };
  }
}

/** Parse a whole ss output, reusing the previous poll's rows by their line (see SsParser). */
export function parseSsReusing(text: string, previous?: SsParse): SsParse {
  const parser = new SsParser(previous);
  if (typeof text === 'string') parser.add(text);
  return parser.result();
}

/** How many vanished lines the in-order match steps over, and how many unmatched lines in a row lose its place. */
const SKIP_AHEAD = 8;
const LOST_AFTER = 32;

/**
 * What a line is matched by between polls: the line with its timer's value blanked out. With -e, ss
 * prints a TIME-WAIT socket's countdown (`timer:(timewait,41sec,0)`), which changes every second while
 * the row, which holds no timer, stays the same: tens of thousands of TIME-WAIT sockets would be parsed
 * and built anew on every poll. The key keeps ` timer:()` in its place, and a value is blanked only
 * when it holds no blank and no parenthesis, so two lines with one key read the same tokens and the same
 * blank-led extras (`ino:` …). Not after `users:(`: a process name may hold the text (the polls run ss
 * without -p).
 */
function reuseKey(line: string): string {
  const at = line.indexOf(' timer:(');
  if (at < 0 || line.lastIndexOf('users:(', at) >= 0) return line;
  const from = at + ' timer:('.length;
  const close = line.indexOf(')', from);
  const blank = line.indexOf(' ', from);
  const open = line.indexOf('(', from);
  if (close < 0 || (blank >= 0 && blank < close) || (open >= 0 && open < close)) return line;
  return line.slice(0, from) + line.slice(close);
}

/**
 * The previous poll's rows, each handed out at most once (a line printed twice gets two objects). ss
 * prints sockets in the kernel's hash-table order, which holds from poll to poll but for the sockets that
 * came and went, so lines are matched in order first: one string comparison per line, no hashing of 40k
 * lines; a line that differs is also compared by its reuse key, place by place. A match may step over a
 * few vanished lines; a new line matches nothing and is parsed. When many lines in a row match nothing
 * (a large block vanished, or the order changed), a key -> row map of the rest takes over. No row goes out twice: the
 * in-order match only moves forward, and the map holds the rows after it, each taken out when used.
 */
class PreviousLines {
  private next = 0;
  private unmatchedInRow = 0;
  private byKey: Map<string, RawSocket> | null = null;
  /** The previous lines' reuse keys that their parse did not make, made when first compared (most polls need none). */
  private keys: (string | undefined)[] | null = null;
  /** The reuse key the last take() made of its line when it differs from the line, else undefined. */
  madeKey: string | undefined;

  constructor(private readonly previous: SsParse) {}

  take(line: string): RawSocket | undefined {
    this.madeKey = undefined;
    if (this.byKey) {
      const key = reuseKey(line);
      if (key !== line) this.madeKey = key;
      const row = this.byKey.get(key);
      if (row) this.byKey.delete(key);
      return row;
    }
    const { lines } = this.previous;
    const end = Math.min(lines.length, this.next + SKIP_AHEAD + 1);
    // Each place is tried as is, then by key: most lines are the previous line in that place again, or it
    // with a new timer value (a TIME-WAIT countdown). Trying the whole window as is first cost each
    // TIME-WAIT line nine failed comparisons (docs/performance.md, fourteenth pass).
    let key: string | undefined;
    for (let i = this.next; i < end; i++) {
      if (lines[i] === line) return this.hit(i);
      key ??= reuseKey(line);
      if (key === line) continue; // no timer value to blank: only the line as is matches
      this.madeKey = key;
      if (this.keyAt(i) === key) return this.hit(i);
    }
    if (++this.unmatchedInRow === LOST_AFTER) this.byKey = this.rest();
    return undefined;
  }

  private hit(i: number): RawSocket | undefined {
    this.next = i + 1;
    this.unmatchedInRow = 0;
    return this.previous.parsed.rows[i];
  }

  private keyAt(i: number): string {
    const made = this.previous.keys[i];
    if (made !== undefined) return made;
    this.keys ??= new Array<string | undefined>(this.previous.lines.length);
    return (this.keys[i] ??= reuseKey(this.previous.lines[i]!));
  }

  /** Lines not handed out yet, from the current place on; a key's first row wins. */
  private rest(): Map<string, RawSocket> {
    const rows = this.previous.parsed.rows;
    const byKey = new Map<string, RawSocket>();
    for (let i = rows.length - 1; i >= this.next; i--) byKey.set(this.keyAt(i), rows[i]!);
    return byKey;
  }
}
