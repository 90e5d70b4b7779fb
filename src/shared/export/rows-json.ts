/** Socket rows as the contract's JSON array (`list --json` shape), pretty-printed for people and diffs. */
import type { SocketRow } from '../types';

export function rowsToJson(rows: readonly SocketRow[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}
