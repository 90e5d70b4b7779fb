/**
 * The one row printer of `list`, `who` and `import`: an aligned table for people, `--json` (one JSON
 * array of contract rows) or `--csv`.
 */
import type { SocketRow } from '../../shared/types';
import { rowsToCsv } from '../../shared/export/rows-csv';
import { rowsJsonChunks } from '../../shared/export/rows-json';
import { UsageError, jsonStyleFor, type CliIo, type ParsedValues } from './command';
import { printable } from '../../shared/printable';

export type RowFormat = 'table' | 'json' | 'csv';

/** `--json` / `--csv` flags -> format; both at once is bad input. */
export function rowFormatFrom(values: ParsedValues): RowFormat {
  if (values.json && values.csv) throw new UsageError('give either --json or --csv, not both');
  return values.json ? 'json' : values.csv ? 'csv' : 'table';
}

/** `127.0.0.1:80`, `[::1]:80`, `[fe80::1%eth0]:22`, `*:80` for a dual-stack wildcard. */
export function formatEndpoint(address: string | null, port: number | null, scope: string | null, dualStack?: boolean | null): string {
  if (address === null) return port === null ? '*' : `*:${port}`;
  const portText = port === null ? '*' : String(port);
  if (address === '::' && dualStack) return `*:${portText}`;
  const host = scope ? `${address}%${scope}` : address;
  return address.includes(':') ? `[${host}]:${portText}` : `${host}:${portText}`;
}

function processCell(row: SocketRow): string {
  if (row.processName === null && row.pid === null) return row.ownerHidden ? '(hidden)' : '-';
  const name = row.processName ?? '?';
  return row.owners.length > 1 ? `${name} (+${row.owners.length - 1})` : name;
}

const COLUMNS: { title: string; cell(row: SocketRow): string }[] = [
  { title: 'PROCESS', cell: processCell },
  { title: 'PID', cell: (r) => (r.pid === null ? '-' : String(r.pid)) },
  { title: 'PROTO', cell: (r) => `${r.protocol}${r.family}` },
  { title: 'LOCAL', cell: (r) => formatEndpoint(r.localAddress, r.localPort, r.localScope, r.dualStack) },
  { title: 'REMOTE', cell: (r) => (r.remoteAddress === null ? '*' : formatEndpoint(r.remoteAddress, r.remotePort, r.remoteScope)) },
  { title: 'STATE', cell: (r) => r.state ?? '' },
];
const MEANING_COLUMN = { title: 'MEANING', cell: (r: SocketRow) => r.meaning?.name ?? '' };

/** Aligned text table; the MEANING column appears when any row has a meaning. */
function formatRowsTable(rows: readonly SocketRow[]): string {
  const columns = rows.some((r) => r.meaning) ? [...COLUMNS, MEANING_COLUMN] : COLUMNS;
  const cells = rows.map((row) => columns.map((c) => printable(c.cell(row).replace(/[\r\n\t]/g, ' '))));
  const widths = columns.map((c) => c.title.length);
  for (const line of cells) line.forEach((text, i) => (widths[i] = Math.max(widths[i]!, text.length))); // no spread: 100k rows
  const render = (line: string[]): string => line.map((text, i) => (i === line.length - 1 ? text : text.padEnd(widths[i]!))).join('  ').trimEnd();
  return [render(columns.map((c) => c.title)), ...cells.map(render)].join('\n') + '\n';
}

export function formatRows(rows: readonly SocketRow[], format: Exclude<RowFormat, 'json'>): string {
  if (format === 'csv') return rowsToCsv(rows);
  return formatRowsTable(rows);
}

/** Print rows to stdout; JSON goes out in pieces (40k rows are 24–30 MB: no single string and buffer of that size). */
export function printRows(io: CliIo, rows: readonly SocketRow[], format: RowFormat): void {
  if (format !== 'json') return io.out(formatRows(rows, format));
  for (const piece of rowsJsonChunks(rows, jsonStyleFor(io))) io.out(piece);
}

/**
 * stderr notes for a collection: unreadable lines, and the hidden-owner advice when a printed row has a
 * hidden owner (never on stdout: `--json` stays valid).
 */
export function printCollectionNotes(
  io: CliIo,
  notes: { unparsedLines: number; ownersHidden: string | null; source: string },
  printed: readonly SocketRow[],
): void {
  if (notes.unparsedLines > 0) {
    io.err(`portscope: ${notes.unparsedLines} line(s) of ${notes.source} output could not be read and were skipped.\n`);
  }
  let hidden = 0;
  let why: string | null = null;
  for (let i = 0; i < printed.length; i++) { // indexed, no closure: runs cold over every printed row
    const row = printed[i]!;
    if (!row.ownerHidden) continue;
    hidden++;
    why ??= row.ownerHidden;
  }
  if (notes.ownersHidden && hidden) io.err(`portscope: note: ${notes.ownersHidden}\n`);
  else if (hidden) io.err(`portscope: note: ${hidden} socket(s) show no owner: ${why}.\n`);
}
