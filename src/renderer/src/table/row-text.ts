/** Rows as text for copy and export, built from the column model (one definition of every cell). */
import type { SocketRow } from '../../../shared/types';
import type { HtmlColumn } from '../../../shared/export/rows-html';
import { COLUMNS, type CellContext, type ColumnId } from './column-model';

/** Tab-separated cells, the way TCPView copies a row (pastes into spreadsheets as columns). */
export function rowAsText(row: SocketRow, columns: readonly ColumnId[], ctx?: CellContext): string {
  return columns.map((id) => COLUMNS[id].text(row, ctx)).join('\t');
}

export function headerAsText(columns: readonly ColumnId[]): string {
  return columns.map((id) => COLUMNS[id].label).join('\t');
}

export function htmlColumns(columns: readonly ColumnId[], ctx?: CellContext): HtmlColumn[] {
  return columns.map((id) => ({ header: COLUMNS[id].label, value: (row) => COLUMNS[id].text(row, ctx) }));
}
