/** Gathers the facts the bind-failure explainer needs (socket table, OS limits) and a free port to suggest. */
import { readFile } from 'node:fs/promises';
import type { BindFailure } from '../../shared/listener';
import { explainBindFailure, type ExcludedPortRange, type HolderRow } from './bind-failure';
import { candidatePorts } from './port-candidates';
import { canBind } from './bind';

export interface BindFactSources {
  platform: string;
  /** Socket table rows on this port (the engine's snapshot). */
  rows(port: number, protocol: 'tcp' | 'udp'): Promise<HolderRow[]>;
  /** Windows excluded port ranges; [] elsewhere. */
  excludedRanges(protocol: 'tcp' | 'udp'): Promise<ExcludedPortRange[]>;
  unprivilegedPortStart(): Promise<number | null>;
  localAddresses(): string[];
}

/** Linux: /proc/sys/net/ipv4/ip_unprivileged_port_start (1024 unless changed); other Unixes 1024; Windows none. */
export async function readUnprivilegedPortStart(platform: string = process.platform): Promise<number | null> {
  if (platform === 'win32') return 0;
  if (platform !== 'linux') return 1024;
  try {
    const value = Number((await readFile('/proc/sys/net/ipv4/ip_unprivileged_port_start', 'utf8')).trim());
    return Number.isInteger(value) ? value : 1024;
  } catch {
    return 1024;
  }
}

/** Try the nearest candidates by actually binding them; the first that binds is the suggestion. */
async function findFreePort(
  port: number,
  protocol: 'tcp' | 'udp',
  host: string,
  options: { minPort: number; excludedRanges: ExcludedPortRange[]; tries?: number },
): Promise<number | null> {
  const candidates = candidatePorts(port, { minPort: options.minPort, excludedRanges: options.excludedRanges, limit: options.tries ?? 40 });
  for (const candidate of candidates) {
    if (await canBind(protocol, host, candidate)) return candidate;
  }
  return null;
}

const settle = async <T>(promise: Promise<T>, fallback: T): Promise<T> => {
  try {
    return await promise;
  } catch {
    return fallback;
  }
};

export async function explainFailedBind(
  errno: string,
  request: { port: number; protocol: 'tcp' | 'udp'; host: string },
  sources: BindFactSources,
): Promise<BindFailure> {
  const [rows, excludedRanges, unprivilegedPortStart] = await Promise.all([
    settle(sources.rows(request.port, request.protocol), []),
    settle(sources.excludedRanges(request.protocol), []),
    settle(sources.unprivilegedPortStart(), null),
  ]);
  const privilegedRefused = (errno === 'EACCES' || errno === 'EPERM') && sources.platform !== 'win32';
  const minPort = privilegedRefused ? (unprivilegedPortStart ?? 1024) : 1;
  // An address that is not ours (EADDRNOTAVAIL) or cannot be bound as given (EINVAL: a link-local
  // fe80:: without its %zone) fails on every port: suggest against all addresses instead.
  const probeHost = errno === 'EADDRNOTAVAIL' || errno === 'EINVAL' ? (request.host.includes(':') ? '::' : '0.0.0.0') : request.host;
  const suggestedPort = await settle(findFreePort(request.port, request.protocol, probeHost, { minPort, excludedRanges }), null);
  return explainBindFailure({
    errno,
    ...request,
    platform: sources.platform,
    rows,
    excludedRanges,
    unprivilegedPortStart,
    localAddresses: sources.localAddresses(),
    suggestedPort,
    selfPid: process.pid,
  });
}
