/**
 * Pure parser for Linux `netstat -tunap` (net-tools), used by `import`. Rows start with
 * tcp/tcp6/udp/udp6; the program column is `pid/name` (names may contain spaces: `sshd: /usr/sbin`)
 * or `-` when the owner is hidden; UDP rows usually have an empty state. IPv6 addresses use the last
 * colon for the port (`:::22`, `fe80::1%eth0:546`). Other sections (UNIX sockets) are skipped.
 */
import type { Family, RawSocket } from '../../../shared/types';
import type { ParseResult } from '../types';

const PROTO = /^(tcp|udp)(6)?$/;
const STATES: Record<string, string> = { SYN_RECV: 'SYN_RECEIVED', CLOSE: 'CLOSED', UNKNOWN: 'UNKNOWN' };

export function parseNetstatLinux(text: string): ParseResult {
  const rows: RawSocket[] = [];
  const unparsed: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const tokens = line.trim().split(/\s+/);
    if (!PROTO.test(tokens[0] ?? '')) continue; // headers, UNIX sockets, blank lines
    const row = parseRow(tokens);
    if (row) rows.push(row);
    else unparsed.push(line);
  }
  return { rows, unparsed };
}

function parseRow(tokens: string[]): RawSocket | null {
  const proto = PROTO.exec(tokens[0]);
  if (!proto || tokens.length < 5) return null;
  const protocol = proto[1] as 'tcp' | 'udp';
  const local = parseLinuxEndpoint(tokens[3]);
  const remote = parseLinuxEndpoint(tokens[4]);
  if (!local || local.port === null || !remote) return null;
  let rest = tokens.slice(5);
  let stateWord: string | null = null;
  if (rest.length > 0 && !isProgram(rest[0])) {
    stateWord = rest[0];
    rest = rest.slice(1);
  }
  if (protocol === 'tcp' && stateWord === null) return null;
  const program = rest.join(' ');
  const owner = /^(\d+)\/(.*)$/.exec(program);
  const family: Family = proto[2] || local.address.includes(':') ? 6 : 4;
  const unconnected = (remote.address === '0.0.0.0' || remote.address === '::' || remote.address === '*') && remote.port === null;
  return {
    protocol,
    family,
    localAddress: local.address,
    localPort: local.port,
    localScope: local.scope,
    remoteAddress: unconnected ? null : remote.address,
    remotePort: unconnected ? null : remote.port,
    remoteScope: unconnected ? null : remote.scope,
    state: protocol === 'tcp' && stateWord ? (STATES[stateWord] ?? stateWord) : null,
    owners: owner ? [{ pid: Number(owner[1]), processName: owner[2].trim() || null }] : [],
    uid: null,
    ownerHidden: program === '-' && stateWord !== 'TIME_WAIT' ? 'netstat could not see the owner (capture not taken as root)' : null,
    dualStack: null,
  };
}

const isProgram = (token: string): boolean => token === '-' || /^\d+\//.test(token);

/** `127.0.0.1:22`, `0.0.0.0:*`, `:::22`, `::1:631`, `fe80::1%eth0:546`. Port null for `*`. */
export function parseLinuxEndpoint(text: string): { address: string; port: number | null; scope: string | null } | null {
  const colon = text.lastIndexOf(':');
  if (colon < 0) return null;
  const host = text.slice(0, colon);
  const portText = text.slice(colon + 1);
  if (host === '' || (portText !== '*' && !/^\d+$/.test(portText))) return null;
  const port = portText === '*' ? null : Number(portText);
  if (port !== null && port > 65535) return null;
  const at = host.indexOf('%');
  return at < 0 ? { address: host, port, scope: null } : { address: host.slice(0, at), port, scope: host.slice(at + 1) || null };
}
