/**
 * Pure parser for Windows `netstat -ano`, `-an` and `-anob`, in any display language.
 * Locale-proof rules: only lines whose first token is TCP/UDP are rows (headers are translated);
 * LISTEN is decided from the foreign address unless the word is a known other state (`-q` prints
 * BOUND sockets with foreign `0.0.0.0:0` too); state words go through the per-language table and
 * unknown ones are kept as text. Pid 0 (TIME_WAIT, "System Idle Process") is no owner, as on Linux. `-b` adds, after a row, optional component/service lines and an
 * `[image.exe]` line, or a sentence such as "Can not obtain ownership information".
 */
import type { RawSocket } from '../../../shared/types';
import type { ParseResult } from '../types';
import { knownNetstatState } from './netstat-states';

/** Windows pid 4 is the kernel (SMB, HTTP.sys); pid 0 (TIME_WAIT rows) means no owner. */
const SYSTEM_PID = 4;
const SYSTEM_PROCESS_NAME = 'System';

/** A row's owners for a Windows pid: none for pid 0 (nobody holds a TIME_WAIT socket), `System` for pid 4. */
export function windowsOwners(pid: number | null, processName: string | null = null): { pid: number; processName: string | null }[] {
  if (pid === null || pid === 0) return [];
  return [{ pid, processName: processName ?? (pid === SYSTEM_PID ? SYSTEM_PROCESS_NAME : null) }];
}

interface Endpoint {
  address: string;
  port: number | null;
  scope: string | null;
  family: 4 | 6;
}

/** `0.0.0.0:135`, `[::]:135`, `[fe80::1%9]:1900`, `*:*`. null when unreadable. */
export function parseWindowsEndpoint(text: string): Endpoint | null {
  if (text === '*:*') return { address: '*', port: null, scope: null, family: 4 };
  const bracket = /^\[([^\]]+)\]:(\d+|\*)$/.exec(text);
  const plain = bracket ? null : /^([^:\s]+):(\d+|\*)$/.exec(text);
  const match = bracket ?? plain;
  if (!match) return null;
  const [host, scope] = splitZone(match[1]);
  const port = match[2] === '*' ? null : Number(match[2]);
  if (port !== null && port > 65535) return null;
  if (!bracket && !/^[\d.]+$/.test(host)) return null;
  return { address: host, port, scope, family: bracket || host.includes(':') ? 6 : 4 };
}

function splitZone(host: string): [string, string | null] {
  const at = host.indexOf('%');
  return at < 0 ? [host, null] : [host.slice(0, at), host.slice(at + 1) || null];
}

const isUnspecified = (e: Endpoint): boolean =>
  (e.address === '0.0.0.0' || e.address === '::' || e.address === '*') && (e.port === 0 || e.port === null);

export function parseNetstatWindows(text: string): ParseResult {
  const rows: RawSocket[] = [];
  const unparsed: string[] = [];
  let last: RawSocket | null = null;
  let pendingServices: string[] = [];

  for (const rawLine of text.split(/\r?\n|\r/)) {
    const line = rawLine.trim();
    if (line === '') continue;
    const tokens = line.split(/\s+/);
    const proto = tokens[0].toUpperCase();
    if (proto === 'TCP' || proto === 'UDP') {
      pendingServices = [];
      last = parseRow(proto === 'TCP' ? 'tcp' : 'udp', tokens);
      if (last) rows.push(last);
      else unparsed.push(rawLine);
      continue;
    }
    if (!last) continue; // headers, titles, blank lines in any language
    const image = /^\[(.+)\]$/.exec(line);
    if (image) {
      const name = image[1].trim();
      for (const owner of last.owners) owner.processName = name;
      if (pendingServices.length > 0) last.services = [...pendingServices];
      pendingServices = [];
      last = null; // the image line closes this row's -b block
    } else if (tokens.length === 1 && /^[\w.\-$@{}#+]+$/.test(line)) {
      pendingServices.push(line); // a service or component line before [image]
    } else {
      last = null; // "Can not obtain ownership information" (translated): no image for this row
      pendingServices = [];
    }
  }
  return { rows, unparsed };
}

function parseRow(protocol: 'tcp' | 'udp', tokens: string[]): RawSocket | null {
  if (tokens.length < 3) return null;
  const local = parseWindowsEndpoint(tokens[1]);
  const foreign = parseWindowsEndpoint(tokens[2]);
  if (!local || local.port === null || !foreign) return null;
  let rest = tokens.slice(3);
  let pid: number | null = null;
  const lastToken = rest[rest.length - 1];
  if (lastToken !== undefined && /^\d+$/.test(lastToken)) {
    pid = Number(lastToken);
    rest = rest.slice(0, -1);
  }
  let state: string | null = null;
  const unconnected = isUnspecified(foreign);
  if (protocol === 'tcp') {
    const word = rest.join(' ');
    const known = rest.length > 0 ? knownNetstatState(word) : null;
    if (unconnected && (known === null || known === 'LISTEN')) state = 'LISTEN';
    else if (rest.length > 0) state = known ?? word.trim(); // an unknown word is kept as printed
    else return null; // a TCP row always has a state: this line is truncated
  }
  return {
    protocol,
    family: local.family,
    localAddress: local.address,
    localPort: local.port,
    localScope: local.scope,
    remoteAddress: unconnected ? null : foreign.address,
    remotePort: unconnected ? null : foreign.port,
    remoteScope: unconnected ? null : foreign.scope,
    state,
    owners: windowsOwners(pid),
    uid: null,
    ownerHidden: null,
    dualStack: null,
  };
}
