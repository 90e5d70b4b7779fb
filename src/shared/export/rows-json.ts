/** Socket rows as the contract's JSON array (`list --json` shape), pretty-printed for people and diffs. */
import type { SocketRow } from '../types';

/**
 * The same text in pieces of `perChunk` rows, so 40k rows (30 MB) can be written piece by piece
 * instead of as one string plus one buffer of that size. The pieces joined equal `rowsToJson`.
 */
export function* rowsJsonChunks(rows: readonly SocketRow[], perChunk = 1000): Generator<string> {
  if (rows.length === 0) {
    yield '[]\n';
    return;
  }
  for (let i = 0; i < rows.length; i += perChunk) {
    const text = JSON.stringify(rows.slice(i, i + perChunk), null, 2); // "[\n  {…},\n  {…}\n]"
    const last = i + perChunk >= rows.length;
    yield (i === 0 ? '[\n' : ',\n') + text.slice(2, -2) + (last ? '\n]\n' : '');
  }
}

export function rowsToJson(rows: readonly SocketRow[]): string {
  return [...rowsJsonChunks(rows)].join('');
}
