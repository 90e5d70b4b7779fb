/**
 * Which end of a socket is the service: the listening or well-known end, never the client's
 * ephemeral port. Listeners and unconnected sockets are their own service side.
 */
import type { SocketRow } from '../types';
import { hasCuratedMeaning } from './describe';
import type { EphemeralRange } from './types';

export interface ServiceEndpoint {
  port: number;
  side: 'local' | 'remote';
}

export interface ServicePortOptions {
  /** `listeningKey` of every local listener, when the caller has the whole table. */
  listening?: ReadonlySet<number>;
  ephemeralRange?: EphemeralRange | null;
}

type EndpointRow = Pick<SocketRow, 'protocol' | 'localPort' | 'remotePort' | 'state'>;

/** One number per protocol and port (no string per row: annotating 40k rows looks up two each). */
export const listeningKey = (protocol: SocketRow['protocol'], port: number): number => (protocol === 'udp' ? 65536 + port : port);

/** `listeningKey` of every listener in a table: who listens decides a connection's service end. */
export function listeningKeys(table: readonly Pick<SocketRow, 'protocol' | 'localPort' | 'state'>[]): Set<number> {
  const keys = new Set<number>();
  for (let i = 0; i < table.length; i++) {
    const row = table[i]!; // indexed: a one-shot command runs this loop cold, where for-of costs ~3×
    if (row.state === 'LISTEN') keys.add(listeningKey(row.protocol, row.localPort));
  }
  return keys;
}

/** Does `row`'s service end depend on whether any of `keys` listens? (Either of its ports is one.) */
export function dependsOnListeners(row: Pick<SocketRow, 'protocol' | 'localPort' | 'remotePort'>, keys: ReadonlySet<number>): boolean {
  return keys.has(listeningKey(row.protocol, row.localPort)) || (row.remotePort !== null && keys.has(listeningKey(row.protocol, row.remotePort)));
}

export function inEphemeralRange(port: number, range: EphemeralRange | null | undefined): boolean {
  return !!range && port >= range.low && port <= range.high;
}

function isKnownServicePort(port: number, protocol: SocketRow['protocol']): boolean {
  return port <= 1023 || hasCuratedMeaning(port, protocol);
}

export function serviceEndpoint(row: EndpointRow, options: ServicePortOptions = {}): ServiceEndpoint {
  const local: ServiceEndpoint = { port: row.localPort, side: 'local' };
  if (row.remotePort === null || row.remotePort === 0 || row.state === 'LISTEN') return local;
  const remote: ServiceEndpoint = { port: row.remotePort, side: 'remote' };
  const { listening, ephemeralRange } = options;
  if (listening?.has(listeningKey(row.protocol, row.localPort))) return local;
  if (listening?.has(listeningKey(row.protocol, row.remotePort))) return remote;
  const localEphemeral = inEphemeralRange(row.localPort, ephemeralRange);
  const remoteEphemeral = inEphemeralRange(row.remotePort, ephemeralRange);
  if (localEphemeral !== remoteEphemeral) return localEphemeral ? remote : local;
  const localKnown = isKnownServicePort(row.localPort, row.protocol);
  const remoteKnown = isKnownServicePort(row.remotePort, row.protocol);
  if (localKnown !== remoteKnown) return localKnown ? local : remote;
  return row.remotePort < row.localPort ? remote : local;
}

/** The service port of a row (see serviceEndpoint). */
export function servicePort(row: EndpointRow, options?: ServicePortOptions): number {
  return serviceEndpoint(row, options).port;
}
