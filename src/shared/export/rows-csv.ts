/**
 * Socket rows -> CSV (RFC 4180: CRLF line ends, quotes doubled). Shared by the CLI (`--csv`) and the UI's
 * export. Cells a spreadsheet would run as a formula (`=`, `+`, `@`, tab, CR) get a leading `'`: process
 * names and imported captures are untrusted text.
 */
import type { SocketRow } from '../types';

export type CsvColumn = keyof SocketRow;

const DEFAULT_CSV_COLUMNS: readonly CsvColumn[] = [
  'protocol',
  'family',
  'localAddress',
  'localPort',
  'localScope',
  'remoteAddress',
  'remotePort',
  'state',
  'pid',
  'processName',
  'owners',
  'services',
  'user',
  'processPath',
  'processStarted',
  'meaning',
  'ownerHidden',
];

/** Plain text of one cell: owners as `pid:name` joined by spaces, lists by `;`, meaning by its name. */
function csvCellText(row: SocketRow, column: CsvColumn): string {
  const value = row[column];
  if (value === null || value === undefined) return '';
  if (column === 'owners') return row.owners.map((o) => `${o.pid}:${o.processName ?? ''}`).join(' ');
  if (column === 'meaning') return row.meaning?.name ?? '';
  if (column === 'ownerVerdict') return row.ownerVerdict?.verdict ?? '';
  if (Array.isArray(value)) return value.join(';');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function quote(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function rowsToCsv(rows: readonly SocketRow[], columns: readonly CsvColumn[] = DEFAULT_CSV_COLUMNS): string {
  const lines = [columns.map((c) => quote(String(c))).join(',')];
  for (const row of rows) lines.push(columns.map((c) => quote(csvCellText(row, c))).join(','));
  return lines.join('\r\n') + '\r\n';
}
