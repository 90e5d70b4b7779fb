/**
 * Pure parser for `Get-NetTCPConnection` / `Get-NetUDPEndpoint` piped to `ConvertTo-Json`, in the
 * Windows PowerShell 5.1 style (`"Key":  value`, `/Date(..)/`, numeric State) and the PowerShell 7
 * style (ISO dates, State possibly a name like "Listen"). One result is an object, not an array.
 */
import type { RawSocket } from '../../../shared/types';
import type { ParseResult } from '../types';
import { parsePowerShellDate, readJsonObjects } from './json-documents';
import { windowsOwners } from './parse-netstat-windows';

/** MSFT_NetTCPConnection.State numbers. */
const STATE_NUMBERS: Record<number, string> = {
  1: 'CLOSED',
  2: 'LISTEN',
  3: 'SYN_SENT',
  4: 'SYN_RECEIVED',
  5: 'ESTABLISHED',
  6: 'FIN_WAIT_1',
  7: 'FIN_WAIT_2',
  8: 'CLOSE_WAIT',
  9: 'CLOSING',
  10: 'LAST_ACK',
  11: 'TIME_WAIT',
  12: 'DELETE_TCB',
  100: 'BOUND',
};

/** The same states by their enum names (`-EnumsAsStrings`, `Select-Object` with string output). */
const STATE_NAMES: Record<string, string> = {
  CLOSED: 'CLOSED',
  LISTEN: 'LISTEN',
  SYNSENT: 'SYN_SENT',
  SYNRECEIVED: 'SYN_RECEIVED',
  ESTABLISHED: 'ESTABLISHED',
  FINWAIT1: 'FIN_WAIT_1',
  FINWAIT2: 'FIN_WAIT_2',
  CLOSEWAIT: 'CLOSE_WAIT',
  CLOSING: 'CLOSING',
  LASTACK: 'LAST_ACK',
  TIMEWAIT: 'TIME_WAIT',
  DELETETCB: 'DELETE_TCB',
  BOUND: 'BOUND',
};

export function mapGetNetTcpState(value: unknown): string | null {
  if (typeof value === 'number') return STATE_NUMBERS[value] ?? String(value);
  if (typeof value === 'string' && value.trim() !== '') {
    const key = value.replace(/[\s_-]/g, '').toUpperCase();
    if (/^\d+$/.test(key)) return STATE_NUMBERS[Number(key)] ?? value;
    return STATE_NAMES[key] ?? value;
  }
  return null;
}

export function parseGetNetTcpConnection(text: string): ParseResult {
  const { objects, unreadable } = readJsonObjects(text);
  const rows: RawSocket[] = [];
  const unparsed: string[] = [];
  for (let i = 0; i < unreadable; i++) unparsed.push('(unreadable JSON document)');
  for (const item of objects) {
    const row = objectToRow(item);
    if (row) rows.push(row);
    else unparsed.push(JSON.stringify(item).slice(0, 200));
  }
  return { rows, unparsed };
}

/** One Get-NetTCPConnection / Get-NetUDPEndpoint object -> RawSocket; null when it lacks the basics. */
export function objectToRow(item: Record<string, unknown>): RawSocket | null {
  const local = splitAddress(item.LocalAddress);
  const localPort = toPort(item.LocalPort);
  if (!local || localPort === null) return null;
  // Get-NetUDPEndpoint has no RemoteAddress/State; a TCP object always has State.
  const isTcp = 'State' in item || 'RemoteAddress' in item || 'RemotePort' in item;
  const state = isTcp ? mapGetNetTcpState(item.State) : null;
  const remote = isTcp ? splitAddress(item.RemoteAddress) : null;
  const remotePort = isTcp ? toPort(item.RemotePort) : null;
  const unconnected = !remote || ((remote.address === '0.0.0.0' || remote.address === '::') && !remotePort);
  const pid = toPid(item.OwningProcess);
  const name = typeof item.ProcessName === 'string' ? item.ProcessName : typeof item.Process === 'string' ? item.Process : null;
  return {
    protocol: isTcp ? 'tcp' : 'udp',
    family: local.address.includes(':') ? 6 : 4,
    localAddress: local.address,
    localPort,
    localScope: local.scope,
    remoteAddress: unconnected ? null : remote.address,
    remotePort: unconnected ? null : remotePort,
    remoteScope: unconnected ? null : remote.scope,
    state: isTcp ? (state ?? 'UNKNOWN') : null,
    owners: windowsOwners(pid, name), // none for pid 0 (TIME_WAIT), `System` for pid 4
    uid: null,
    ownerHidden: null,
    dualStack: null,
    socketCreated: parsePowerShellDate(item.CreationTime),
  };
}

function splitAddress(value: unknown): { address: string; scope: string | null } | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const text = value.trim();
  const at = text.indexOf('%');
  return at < 0 ? { address: text, scope: null } : { address: text.slice(0, at), scope: text.slice(at + 1) || null };
}

function toPort(value: unknown): number | null {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 65535 ? n : null;
}

function toPid(value: unknown): number | null {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : null;
}
