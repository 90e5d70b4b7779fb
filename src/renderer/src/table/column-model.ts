/**
 * The socket table's columns as plain data: id, label, how to show a cell as text, how to sort.
 * Pure (no React) so sorting, copy and export are unit-tested and share one definition.
 */
import type { SocketRow } from '../../../shared/types';
import { compareAddress, compareNumber, compareText } from '../lib/compare-address';

export const COLUMN_IDS = [
  'process',
  'pid',
  'protocol',
  'localAddress',
  'localPort',
  'meaning',
  'remoteAddress',
  'remotePort',
  'remoteHost',
  'state',
  'user',
  'processPath',
  'services',
  'started',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

/** What a cell may need besides its row: reverse-DNS names by address (the Remote host column). */
export interface CellContext {
  hosts?: Readonly<Record<string, string | null>>;
}

export interface ColumnModel {
  id: ColumnId;
  label: string;
  /** Default width in px. */
  width: number;
  align?: 'right';
  /** Cell text (also used for copy and export). */
  text: (row: SocketRow, ctx?: CellContext) => string;
  compare: (a: SocketRow, b: SocketRow) => number;
}

export const NO_VALUE = '—';

export function protocolLabel(row: Pick<SocketRow, 'protocol' | 'family'>): string {
  return `${row.protocol.toUpperCase()}${row.family === 6 ? '6' : ''}`;
}

/** Process start in local time, compact: "2024-05-01 13:04:05". */
export function formatStarted(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

const str = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : String(v));

export const COLUMNS: Record<ColumnId, ColumnModel> = {
  process: {
    id: 'process',
    label: 'Process',
    width: 130,
    text: (r) => r.processName ?? (r.ownerHidden ? 'hidden' : ''),
    compare: (a, b) => compareText(a.processName, b.processName),
  },
  pid: { id: 'pid', label: 'PID', width: 70, align: 'right', text: (r) => str(r.pid), compare: (a, b) => compareNumber(a.pid, b.pid) },
  protocol: {
    id: 'protocol',
    label: 'Proto',
    width: 58,
    text: protocolLabel,
    compare: (a, b) => compareText(protocolLabel(a), protocolLabel(b)),
  },
  localAddress: {
    id: 'localAddress',
    label: 'Local address',
    width: 150,
    text: (r) => r.localAddress + (r.localScope ? `%${r.localScope}` : ''),
    compare: (a, b) => compareAddress(a.localAddress, b.localAddress),
  },
  localPort: {
    id: 'localPort',
    label: 'Local port',
    width: 100,
    align: 'right',
    text: (r) => str(r.localPort),
    compare: (a, b) => compareNumber(a.localPort, b.localPort),
  },
  meaning: {
    id: 'meaning',
    label: 'Port meaning',
    width: 230,
    text: (r) => (r.meaning ? r.meaning.name : ''),
    compare: (a, b) => compareText(a.meaning?.name ?? null, b.meaning?.name ?? null),
  },
  remoteAddress: {
    id: 'remoteAddress',
    label: 'Remote address',
    width: 150,
    text: (r) => str(r.remoteAddress) + (r.remoteScope ? `%${r.remoteScope}` : ''),
    compare: (a, b) => compareAddress(a.remoteAddress, b.remoteAddress),
  },
  remotePort: {
    id: 'remotePort',
    label: 'Remote port',
    width: 108,
    align: 'right',
    text: (r) => str(r.remotePort),
    compare: (a, b) => compareNumber(a.remotePort, b.remotePort),
  },
  remoteHost: {
    id: 'remoteHost',
    label: 'Remote host',
    width: 140,
    // The reverse-DNS name once resolved (Resolve remote host names on), otherwise the address itself.
    text: (r, ctx) => (r.remoteAddress ? (ctx?.hosts?.[r.remoteAddress] ?? r.remoteAddress) : ''),
    compare: (a, b) => compareAddress(a.remoteAddress, b.remoteAddress),
  },
  state: {
    id: 'state',
    label: 'State',
    width: 104,
    text: (r) => r.state ?? (r.protocol === 'udp' ? (r.remoteAddress ? 'CONNECTED' : 'UNCONN') : ''),
    compare: (a, b) => compareText(a.state, b.state),
  },
  user: { id: 'user', label: 'User', width: 90, text: (r) => str(r.user), compare: (a, b) => compareText(a.user, b.user) },
  processPath: {
    id: 'processPath',
    label: 'Process path',
    width: 240,
    text: (r) => str(r.processPath),
    compare: (a, b) => compareText(a.processPath, b.processPath),
  },
  services: {
    id: 'services',
    label: 'Services',
    width: 120,
    text: (r) => r.services.join(', '),
    compare: (a, b) => compareText(a.services.join(','), b.services.join(',')),
  },
  started: {
    id: 'started',
    label: 'Started',
    width: 142,
    text: (r) => formatStarted(r.processStarted),
    compare: (a, b) => compareText(a.processStarted, b.processStarted),
  },
};

export const DEFAULT_HIDDEN: ColumnId[] = ['processPath', 'services', 'remoteHost'];

export interface SortSpec {
  id: ColumnId;
  desc: boolean;
}

/** The table's order for `sorting`: a total order (ties end on the local port, then the row id). */
export function rowComparator<T extends { row: SocketRow }>(sorting: readonly SortSpec[]): (x: T, y: T) => number {
  const specs = sorting.filter((s) => COLUMNS[s.id]);
  return (x, y) => {
    for (const s of specs) {
      const d = COLUMNS[s.id].compare(x.row, y.row);
      if (d !== 0) return s.desc ? -d : d;
    }
    return compareNumber(x.row.localPort, y.row.localPort) || (x.row.id < y.row.id ? -1 : x.row.id > y.row.id ? 1 : 0);
  };
}

export function isColumnId(id: unknown): id is ColumnId {
  return typeof id === 'string' && (COLUMN_IDS as readonly string[]).includes(id);
}
