/**
 * Probe: can this machine reach host:port? TCP: connect → open / refused / filtered (no answer in time).
 * UDP: a connected socket sends one datagram → open (an answer came), refused (ICMP port unreachable,
 * which the kernel reports as ECONNREFUSED on a connected UDP socket), open|filtered (silence).
 */
import net from 'node:net';
import dgram from 'node:dgram';
import { lookup } from 'node:dns/promises';
import type { ProbeOutcome, ProbeRequest } from '../../shared/listener';
import { formatEndpoint } from '../../shared/listener';

const DEFAULT_PROBE_TIMEOUT_MS = 3000;
const UDP_PAYLOAD = Buffer.from('PortScope probe\n');

const elapsedSince = (start: bigint): number => Number((process.hrtime.bigint() - start) / 1_000_000n);

async function resolveAddress(host: string): Promise<{ address: string; family: 4 | 6 } | { error: string }> {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  const literal = net.isIP(bare);
  if (literal) return { address: bare, family: literal as 4 | 6 };
  try {
    const found = await lookup(bare);
    return { address: found.address, family: found.family === 6 ? 6 : 4 };
  } catch (error) {
    return { error: `cannot resolve "${bare}": ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
}

function probeTcp(address: string, port: number, timeoutMs: number): Promise<ProbeOutcome> {
  const where = `${formatEndpoint(address, port)}/tcp`;
  const start = process.hrtime.bigint();
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port });
    const finish = (outcome: Omit<ProbeOutcome, 'elapsedMs' | 'address'>): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...outcome, elapsedMs: elapsedSince(start), address });
    };
    const timer = setTimeout(
      () => finish({ verdict: 'filtered', message: `no answer from ${where} within ${timeoutMs} ms: a firewall drops the packets, or the host is down` }),
      timeoutMs,
    );
    socket.once('connect', () => finish({ verdict: 'open', message: `${where} accepted the connection` }));
    socket.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED') finish({ verdict: 'refused', message: `${where} refused the connection: nothing listens there` });
      else if (error.code === 'EHOSTUNREACH' || error.code === 'ENETUNREACH') {
        finish({ verdict: 'filtered', message: `${where} is unreachable (${error.code}): no route, or a firewall rejecting with "host prohibited"` });
      } else if (error.code === 'ETIMEDOUT') finish({ verdict: 'filtered', message: `the connection to ${where} timed out: a firewall drops the packets, or the host is down` });
      else finish({ verdict: 'error', message: `${where}: ${error.code ?? error.message}` });
    });
  });
}

function probeUdp(address: string, family: 4 | 6, port: number, timeoutMs: number): Promise<ProbeOutcome> {
  const where = `${formatEndpoint(address, port)}/udp`;
  const start = process.hrtime.bigint();
  return new Promise((resolve) => {
    const socket = dgram.createSocket(family === 6 ? 'udp6' : 'udp4');
    let done = false;
    const finish = (outcome: Omit<ProbeOutcome, 'elapsedMs' | 'address'>): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      try {
        socket.close();
      } catch {
        // already closed
      }
      resolve({ ...outcome, elapsedMs: elapsedSince(start), address });
    };
    const timer = setTimeout(
      () =>
        finish({
          verdict: 'open|filtered',
          message: `no answer from ${where} within ${timeoutMs} ms: a silent service, or a firewall dropping the datagram`,
        }),
      timeoutMs,
    );
    socket.on('message', (message) => finish({ verdict: 'open', message: `${where} answered with ${message.length} bytes` }));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED') finish({ verdict: 'refused', message: `${where} answered "port unreachable": nothing listens there` });
      else finish({ verdict: 'error', message: `${where}: ${error.code ?? error.message}` });
    });
    socket.connect(port, address, () => socket.send(UDP_PAYLOAD));
  });
}

export async function probe(request: ProbeRequest): Promise<ProbeOutcome> {
  const timeoutMs = request.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  const resolved = await resolveAddress(request.host);
  if ('error' in resolved) return { verdict: 'error', message: resolved.error, elapsedMs: 0 };
  return request.protocol === 'udp'
    ? probeUdp(resolved.address, resolved.family, request.port, timeoutMs)
    : probeTcp(resolved.address, request.port, timeoutMs);
}
