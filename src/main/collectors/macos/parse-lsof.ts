/**
 * Pure parser for `lsof -nP -iTCP -iUDP -F pcnPtTf` (also without `f`, and `-F0` NUL-terminated).
 * One field per line, the first character names it: `p` pid starts a process, `c` command,
 * `f` fd starts a file, `t` IPv4/IPv6, `P` TCP/UDP, `n` `local->remote`, `T` `ST=LISTEN` (repeats).
 * Without `f` a file starts when one of its fields repeats. A socket shared by several processes
 * (forked servers) becomes one row with every owner.
 */
import type { Family, RawSocket } from '../../../shared/types';
import type { ParseResult } from '../types';

interface FileFields {
  type?: string;
  protocol?: string;
  name?: string;
  state?: string;
}

const LSOF_STATES: Record<string, string> = {
  SYN_RCVD: 'SYN_RECEIVED',
  SYN_RECV: 'SYN_RECEIVED',
  CLOSE: 'CLOSED',
  FIN_WAIT1: 'FIN_WAIT_1',
  FIN_WAIT2: 'FIN_WAIT_2',
};

export function parseLsofF(text: string): ParseResult {
  const byKey = new Map<string, RawSocket>();
  const rows: RawSocket[] = [];
  const unparsed: string[] = [];
  let pid: number | null = null;
  let command: string | null = null;
  let file: FileFields | null = null;

  const flush = (): void => {
    if (file && pid !== null && (file.name !== undefined || file.protocol !== undefined)) {
      const row = fileToRow(file, pid, command);
      if (row === 'skip') {
        // unbound socket (`*:*` with no port): not a port, not an error
      } else if (row === null) {
        unparsed.push(`n${file.name ?? ''}`);
      } else {
        const key = `${row.protocol}|${row.family}|${row.localAddress}|${row.localScope}|${row.localPort}|${row.remoteAddress}|${row.remotePort}|${row.state}`;
        const existing = byKey.get(key);
        if (!existing) {
          byKey.set(key, row);
          rows.push(row);
        } else if (!existing.owners.some((o) => o.pid === pid)) {
          existing.owners.push(...row.owners);
        }
      }
    }
    file = null;
  };

  for (const line of text.split(/\0\r?\n?|\r?\n/)) {
    if (line === '') continue;
    const tag = line[0];
    const value = line.slice(1);
    switch (tag) {
      case 'p':
        flush();
        pid = /^\d+$/.test(value) ? Number(value) : null;
        command = null;
        if (pid === null) unparsed.push(line);
        break;
      case 'c':
        command = value;
        break;
      case 'f':
        flush();
        file = {};
        break;
      case 't':
      case 'P':
      case 'n': {
        const field = tag === 't' ? 'type' : tag === 'P' ? 'protocol' : 'name';
        if (!file || file[field] !== undefined) {
          flush();
          file = {};
        }
        file[field] = value;
        break;
      }
      case 'T':
        if (file && value.startsWith('ST=')) file.state = value.slice(3);
        break;
      default:
        // other process/file fields (g, R, u, L, a, l, d, s, o, i, k …) carry nothing we need
        if (!/^[a-zA-Z]$/.test(tag)) unparsed.push(line);
    }
  }
  flush();
  return { rows, unparsed };
}

function fileToRow(file: FileFields, pid: number, command: string | null): RawSocket | 'skip' | null {
  const protocol = file.protocol?.toUpperCase();
  if (protocol !== 'TCP' && protocol !== 'UDP') return file.protocol === undefined && file.name === undefined ? 'skip' : null;
  if (file.name === undefined) return null;
  const [localText, remoteText] = file.name.split('->');
  const local = parseColonEndpoint(localText);
  if (!local) return null;
  if (local.port === null) return 'skip';
  const remote = remoteText === undefined ? null : parseColonEndpoint(remoteText);
  if (remoteText !== undefined && !remote) return null;
  const family: Family = file.type === 'IPv6' ? 6 : file.type === 'IPv4' ? 4 : local.address.includes(':') ? 6 : 4;
  const isTcp = protocol === 'TCP';
  const rawState = file.state ?? (isTcp && !remote ? 'LISTEN' : null);
  return {
    protocol: isTcp ? 'tcp' : 'udp',
    family,
    localAddress: local.address === '*' ? (family === 4 ? '0.0.0.0' : '::') : local.address,
    localPort: local.port,
    localScope: local.scope,
    remoteAddress: remote && remote.address !== '*' ? remote.address : null,
    remotePort: remote && remote.address !== '*' ? remote.port : null,
    remoteScope: remote && remote.address !== '*' ? remote.scope : null,
    state: isTcp && rawState !== null ? (LSOF_STATES[rawState] ?? rawState) : null,
    owners: [{ pid, processName: command }],
    uid: null,
    ownerHidden: null,
    dualStack: null,
  };
}

/** `127.0.0.1:3000`, `*:3000`, `*:*`, `[::1]:3000`, `[fe80::1%lo0]:5353`. */
function parseColonEndpoint(text: string): { address: string; port: number | null; scope: string | null } | null {
  const match = /^\[([^\]]+)\]:(\d+|\*)$/.exec(text) ?? /^([^:[\]]+):(\d+|\*)$/.exec(text);
  if (!match) return null;
  const port = match[2] === '*' ? null : Number(match[2]);
  if (port !== null && port > 65535) return null;
  const at = match[1].indexOf('%');
  return at < 0
    ? { address: match[1], port, scope: null }
    : { address: match[1].slice(0, at), port, scope: match[1].slice(at + 1) || null };
}
