/** Matching rows against a parsed filter (AND of terms) and the toggle set. Pure. */
import type { SocketRow } from '../types';
import { parseFilter, type FilterTerm, type ParsedFilter, type PortRange } from './parse-filter';

/** The toolbar toggles, kept apart from the text so the UI can show them as buttons. */
export interface FilterToggles {
  listeningOnly: boolean;
  tcp: boolean;
  udp: boolean;
  ipv4: boolean;
  ipv6: boolean;
  hideLoopback: boolean;
}

export const DEFAULT_TOGGLES: FilterToggles = {
  listeningOnly: false,
  tcp: true,
  udp: true,
  ipv4: true,
  ipv6: true,
  hideLoopback: false,
};

/** The subset of a row the filter reads (so imports and tests can pass partial rows). */
export type FilterableRow = Pick<
  SocketRow,
  'protocol' | 'family' | 'localAddress' | 'localPort' | 'remoteAddress' | 'remotePort' | 'state' | 'pid' | 'processName' | 'owners'
> &
  Partial<Pick<SocketRow, 'services' | 'user' | 'processPath' | 'meaning'>>;

/** A listener: TCP LISTEN, or UDP with no peer (the way `ss -l` counts it). */
export function isListening(row: Pick<SocketRow, 'protocol' | 'state' | 'remoteAddress'>): boolean {
  if (row.protocol === 'udp') return row.remoteAddress === null || row.remoteAddress === '' || row.state === 'LISTEN';
  return row.state === 'LISTEN';
}

export function isLoopback(address: string | null): boolean {
  if (!address) return false;
  const a = address.toLowerCase();
  return a.startsWith('127.') || a === '::1' || a.startsWith('::ffff:127.') || a === 'localhost';
}

const inRanges = (port: number | null, ranges: PortRange[]): boolean =>
  port !== null && ranges.some((r) => port >= r.from && port <= r.to);

const normState = (s: string): string => s.toLowerCase().replace(/[\s_-]/g, '');

function processNames(row: FilterableRow): string[] {
  const names = row.owners.map((o) => o.processName ?? '').filter(Boolean);
  if (row.processName) names.push(row.processName);
  return names.map((n) => n.toLowerCase());
}

// Rows are immutable snapshots: their searchable text is built once per row object, not per keystroke.
const freeTextCache = new WeakMap<FilterableRow, string>();

function freeText(row: FilterableRow): string {
  let text = freeTextCache.get(row);
  if (text === undefined) {
    text = buildFreeText(row);
    freeTextCache.set(row, text);
  }
  return text;
}

function buildFreeText(row: FilterableRow): string {
  return [
    ...processNames(row),
    row.pid ?? '',
    row.localAddress,
    row.localPort,
    row.remoteAddress ?? '',
    row.remotePort ?? '',
    `${row.localAddress}:${row.localPort}`,
    row.remoteAddress ? `${row.remoteAddress}:${row.remotePort}` : '',
    row.state ?? '',
    row.protocol,
    row.user ?? '',
    row.processPath ?? '',
    ...(row.services ?? []),
    row.meaning?.name ?? '',
    row.meaning?.description ?? '',
  ]
    .join('\u0000')
    .toLowerCase();
}

function matchesTermPositive(row: FilterableRow, term: FilterTerm): boolean {
  switch (term.field) {
    case 'port':
      return inRanges(row.localPort, term.ranges) || inRanges(row.remotePort, term.ranges);
    case 'lport':
      return inRanges(row.localPort, term.ranges);
    case 'rport':
      return inRanges(row.remotePort, term.ranges);
    case 'pid':
      return term.pids.some((p) => p === row.pid || row.owners.some((o) => o.pid === p));
    case 'proc':
      return processNames(row).some((n) => n.includes(term.value));
    case 'state': {
      const want = normState(term.value);
      if (want === 'listen' || want === 'listening') return isListening(row);
      return row.state !== null && normState(row.state).startsWith(want);
    }
    case 'proto':
      return (term.protocol === null || row.protocol === term.protocol) && (term.family === null || row.family === term.family);
    case 'addr':
      return row.localAddress.toLowerCase().includes(term.value) || (row.remoteAddress ?? '').toLowerCase().includes(term.value);
    case 'user':
      return (row.user ?? '').toLowerCase().includes(term.value);
    case 'svc':
      return (row.services ?? []).some((s) => s.toLowerCase().includes(term.value));
    case 'text':
      return freeText(row).includes(term.value);
  }
}

export function matchesFilter(row: FilterableRow, filter: ParsedFilter): boolean {
  return filter.terms.every((term) => matchesTermPositive(row, term) !== term.negate);
}

export function matchesToggles(row: FilterableRow, toggles: FilterToggles): boolean {
  if (row.protocol === 'tcp' && !toggles.tcp) return false;
  if (row.protocol === 'udp' && !toggles.udp) return false;
  if (row.family === 4 && !toggles.ipv4) return false;
  if (row.family === 6 && !toggles.ipv6) return false;
  if (toggles.listeningOnly && !isListening(row)) return false;
  if (toggles.hideLoopback && isLoopback(row.localAddress) && (row.remoteAddress === null || isLoopback(row.remoteAddress))) return false;
  return true;
}

/** Filter rows by text (or an already parsed filter) and toggles. */
export function filterRows<T extends FilterableRow>(rows: readonly T[], filter: string | ParsedFilter, toggles: FilterToggles = DEFAULT_TOGGLES): T[] {
  const parsed = typeof filter === 'string' ? parseFilter(filter) : filter;
  return rows.filter((row) => matchesToggles(row, toggles) && matchesFilter(row, parsed));
}
