/**
 * Pure parser for macOS `netstat -anv -p tcp` / `-p udp` (and plain `netstat -anv`, whose other
 * sections are skipped). Address and port are joined by a dot (`127.0.0.1.49515`, `*.5000`,
 * `::1.5432`, `fe80::1%lo0.123`); protocols are tcp4/tcp6/tcp46/udp4/udp6/udp46 (46 = dual-stack).
 * The columns after the addresses changed several times, so the pid column is found by its header:
 *   `(state) rhiwat shiwat pid epid`                           (older)
 *   `(state) rhiwat shiwat pid epid state options`             (10.x)
 *   `(state) rhiwat shiwat pid epid state options gencnt ...`  (11–15)
 *   `(state) rxbytes txbytes rhiwat shiwat process:pid state options gencnt ...` (26; names may have spaces)
 * UDP rows have no state token, so the columns are counted after the state, not from the line start.
 * A `process:pid` name may hold spaces and even `:digits` (`foo:1 bar:4242`), so that column is found
 * by counting the fixed columns after it back from the end of the line. `-l` (full IPv6 addresses)
 * only widens the address columns: captures with and without it read the same way.
 */
import type { Family, Protocol, RawSocket } from '../../../shared/types';
import type { ParseResult } from '../types';

interface Layout {
  /** Index of the pid (or process:pid) column among the columns after `(state)`. */
  pidIndex: number;
  /** true for the `process:pid` column (name before the last colon). */
  named: boolean;
  /** How many header columns follow the pid column (the `process:pid` column is found from the line end). */
  trailing: number;
}

const PROTO = /^(tcp|udp)(4|6|46)$/i;

export function parseNetstatMacos(text: string): ParseResult {
  const rows: RawSocket[] = [];
  const unparsed: string[] = [];
  let layout: Layout | null = null;
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (/^Proto\b/i.test(trimmed)) {
      layout = readHeader(trimmed);
      continue;
    }
    const tokens = trimmed.split(/\s+/);
    if (!PROTO.test(tokens[0])) continue; // section titles, unix/kctl sockets, anything else
    const row = parseRow(tokens, layout);
    if (row) rows.push(row);
    else unparsed.push(line);
  }
  return { rows, unparsed };
}

/** The columns after `(state)` in a `Proto Recv-Q Send-Q Local Address Foreign Address (state) …` header. */
export function readHeader(header: string): Layout | null {
  const at = header.indexOf('(state)');
  if (at < 0) return null;
  const columns = header.slice(at + '(state)'.length).trim().split(/\s+/);
  const named = columns.indexOf('process:pid');
  if (named >= 0) return { pidIndex: named, named: true, trailing: columns.length - named - 1 };
  const pid = columns.indexOf('pid');
  return pid >= 0 ? { pidIndex: pid, named: false, trailing: columns.length - pid - 1 } : null;
}

function parseRow(tokens: string[], layout: Layout | null): RawSocket | null {
  if (tokens.length < 5) return null;
  const protoMatch = PROTO.exec(tokens[0]);
  if (!protoMatch) return null;
  const protocol = protoMatch[1].toLowerCase() as Protocol;
  const version = protoMatch[2];
  const local = parseDottedEndpoint(tokens[3]);
  const remote = parseDottedEndpoint(tokens[4]);
  if (!local || local.port === null || !remote) return null;
  let rest = tokens.slice(5);
  let state: string | null = null;
  if (protocol === 'tcp') {
    if (rest.length === 0 || /^\d+$/.test(rest[0])) return null; // a TCP row always has a state word
    state = rest[0] === 'LISTEN' ? 'LISTEN' : normalizeState(rest[0]);
    rest = rest.slice(1);
  } else if (rest.length > 0 && /^[A-Z_]+$/.test(rest[0])) {
    rest = rest.slice(1); // some builds print a state for connected UDP; UDP rows have state null
  }
  const owner = layout ? readOwner(rest, layout) : null;
  if (layout && !owner) return null;
  const family: Family = version === '4' ? 4 : 6;
  const unconnected = remote.address === '*' && remote.port === null;
  return {
    protocol,
    family,
    localAddress: local.address === '*' ? (family === 4 ? '0.0.0.0' : '::') : local.address,
    localPort: local.port,
    localScope: local.scope,
    remoteAddress: unconnected ? null : remote.address,
    remotePort: unconnected ? null : remote.port,
    remoteScope: unconnected ? null : remote.scope,
    state,
    owners: owner && owner.pid > 0 ? [owner] : [],
    uid: null,
    ownerHidden: null,
    dualStack: version === '46' ? true : version === '6' ? false : null,
  };
}

/** The `:pid` that ends a `process:pid` token. */
const PID_SUFFIX = /:(\d+)$/;

/**
 * The pid column by position; `process:pid` may span several tokens when the name has spaces. Its last
 * token sits `trailing` columns before the line end; when a row has more or fewer trailing columns than
 * its header, the last `:digits` token is taken (the trailing columns are plain hex numbers).
 */
function readOwner(rest: string[], layout: Layout): { pid: number; processName: string | null } | null {
  if (!layout.named) {
    const text = rest[layout.pidIndex];
    return text !== undefined && /^\d+$/.test(text) ? { pid: Number(text), processName: null } : null;
  }
  let end = rest.length - 1 - layout.trailing;
  let match = end >= layout.pidIndex ? PID_SUFFIX.exec(rest[end]!) : null;
  for (let i = rest.length - 1; !match && i >= layout.pidIndex; i--) {
    match = PID_SUFFIX.exec(rest[i]!);
    end = i;
  }
  if (!match) return null;
  const joined = rest.slice(layout.pidIndex, end + 1).join(' ');
  const name = joined.slice(0, joined.length - match[0].length);
  return { pid: Number(match[1]), processName: name === '' ? null : name };
}

/** macOS prints the canonical words already, except SYN_RCVD. */
function normalizeState(word: string): string {
  return word === 'SYN_RCVD' ? 'SYN_RECEIVED' : word;
}

/** `127.0.0.1.49515`, `*.5000`, `*.*`, `::1.5432`, `fe80::1%lo0.123`. */
export function parseDottedEndpoint(text: string): { address: string; port: number | null; scope: string | null } | null {
  const dot = text.lastIndexOf('.');
  if (dot <= 0) return null;
  const host = text.slice(0, dot);
  const portText = text.slice(dot + 1);
  if (portText !== '*' && !/^\d+$/.test(portText)) return null;
  const port = portText === '*' ? null : Number(portText);
  if (port !== null && port > 65535) return null;
  const at = host.indexOf('%');
  return at < 0
    ? { address: host, port, scope: null }
    : { address: host.slice(0, at), port, scope: host.slice(at + 1) || null };
}
