/**
 * annotateRows: each row gets the best meaning of its service port and, when the service end is
 * local, an owner verdict. A client socket on an ephemeral port is labelled as such instead of with
 * whatever IANA registered at that number.
 */
import type { RowMeaning, SocketRow } from '../types';
import { bestMeaning, hasCuratedMeaning } from './describe';
import { expectedOwners, ownerVerdict } from './owner-verdict';
import { inEphemeralRange, listeningKey, listeningKeys, serviceEndpoint } from './service-port';
import type { CatalogContext, CatalogPlatform, EphemeralRange } from './types';

export const EPHEMERAL_LABEL = 'ephemeral (client side)';
export const EPHEMERAL_SOURCE = 'OS ephemeral port range';

export function ephemeralMeaning(range: EphemeralRange): RowMeaning {
  return {
    name: EPHEMERAL_LABEL,
    description: `A client port the OS picked from its ephemeral range ${range.low}-${range.high}; the service is at the other end.`,
    source: EPHEMERAL_SOURCE,
  };
}

/** Per platform, listeningKey -> the row meaning (one shared object per port: rows are not given copies). */
const rowMeaningCache = new Map<CatalogPlatform, Map<number, RowMeaning | null>>();

function rowMeaning(port: number, protocol: SocketRow['protocol'], platform: CatalogPlatform): RowMeaning | null {
  let cache = rowMeaningCache.get(platform);
  if (!cache) rowMeaningCache.set(platform, (cache = new Map()));
  const key = listeningKey(protocol, port);
  let hit = cache.get(key);
  if (hit === undefined) {
    const best = bestMeaning(port, protocol, platform);
    hit = best ? { name: best.name, description: best.description, source: best.source } : null;
    cache.set(key, hit);
  }
  return hit;
}

/**
 * Sets `meaning` and `ownerVerdict` on each row in place (the engine annotates the rows each poll built;
 * copying 100k rows would double the garbage) and returns the same rows. Which end of a connection is
 * the service depends on what listens: `table` is the whole table when `rows` is only part of it, and
 * `listening` its listeningKeys when the caller has them already (the engine does, every poll).
 */
export function annotateRows<T extends SocketRow>(
  rows: T[],
  context: CatalogContext,
  table: readonly SocketRow[] = rows,
  listening: ReadonlySet<number> = listeningKeys(table),
): T[] {
  if (rows.length === 0) return rows; // a poll that built nothing
  const range = context.ephemeralRange;
  const ephemeral = range ? ephemeralMeaning(range) : null;
  const endpointOptions = { listening, ephemeralRange: range }; // one object for every row

  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!; // indexed: a one-shot command runs this loop cold, where for-of costs ~3×
    const endpoint = serviceEndpoint(row, endpointOptions);
    const key = listeningKey(row.protocol, endpoint.port);
    const isClientEphemeral =
      ephemeral !== null &&
      endpoint.side === 'local' &&
      row.state !== 'LISTEN' &&
      !listening.has(key) &&
      inEphemeralRange(endpoint.port, range) &&
      // An unconnected socket on a port a vendor or developer table names (WireGuard, iTunes sync) is a service.
      !(row.remotePort === null && hasCuratedMeaning(endpoint.port, row.protocol));
    if (isClientEphemeral) {
      row.meaning = ephemeral;
      row.ownerVerdict = null;
      continue;
    }
    row.meaning = rowMeaning(endpoint.port, row.protocol, context.platform);
    // Only the service end's owner is judged, and only where the catalog knows the usual owner.
    row.ownerVerdict =
      endpoint.side === 'local' && expectedOwners(endpoint.port, row.protocol, context.platform).length > 0
        ? ownerVerdict(endpoint.port, row.protocol, { processName: row.processName, services: row.services, pid: row.pid, platform: context.platform })
        : null;
  }
  return rows;
}
