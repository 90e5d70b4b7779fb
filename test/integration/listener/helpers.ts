/** Loopback helpers for the listener integration tests: free ports, TCP/UDP exchanges, waiting for pushes. */
import net from 'node:net';
import dgram from 'node:dgram';
import type { PortScopeService } from '../../../src/main/service/index';
import type { ListenerInfo } from '../../../src/shared/listener';

/** A port the OS just gave us for this protocol and host (released before returning). */
export async function freePort(protocol: 'tcp' | 'udp', host: string): Promise<number> {
  if (protocol === 'udp') {
    const socket = dgram.createSocket(host.includes(':') ? 'udp6' : 'udp4');
    await new Promise<void>((resolve) => socket.bind(0, host, () => resolve()));
    const { port } = socket.address();
    await new Promise<void>((resolve) => socket.close(() => resolve()));
    return port;
  }
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, host, () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Connect, send, half-close, and collect everything until the server closes. */
export function tcpExchange(host: string, port: number, payload: string): Promise<{ received: Buffer; localPort: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let localPort = 0;
    const socket = net.connect({ host, port }, () => {
      localPort = socket.localPort ?? 0;
      socket.end(payload);
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve({ received: Buffer.concat(chunks), localPort }));
  });
}

/** Send one datagram; the answer, or null after waitMs. */
export function udpExchange(host: string, port: number, payload: string, waitMs: number): Promise<{ answer: Buffer | null; localPort: number }> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket(host.includes(':') ? 'udp6' : 'udp4');
    let localPort = 0;
    const finish = (answer: Buffer | null): void => {
      clearTimeout(timer);
      socket.close();
      resolve({ answer, localPort });
    };
    const timer = setTimeout(() => finish(null), waitMs);
    socket.on('message', (message) => finish(message));
    socket.on('error', reject);
    socket.connect(port, host, () => {
      localPort = socket.address().port;
      socket.send(Buffer.from(payload));
    });
  });
}

/** Resolve with the first pushed state of listener `id` that satisfies `test` (or the current one). */
export function waitForListener(
  service: PortScopeService,
  id: string,
  test: (info: ListenerInfo) => boolean,
  timeoutMs = 10_000,
): Promise<ListenerInfo> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`listener ${id} did not reach the expected state within ${timeoutMs} ms`));
    }, timeoutMs);
    const unsubscribe = service.subscribe((event) => {
      if (event.type === 'listener' && event.listener.id === id && test(event.listener)) {
        clearTimeout(timer);
        unsubscribe();
        resolve(event.listener);
      }
    });
    void service.dispatch('listeners', {}).then((result) => {
      const current = result.ok ? (result.value as ListenerInfo[]).find((l) => l.id === id) : undefined;
      if (current && test(current)) {
        clearTimeout(timer);
        unsubscribe();
        resolve(current);
      }
    });
  });
}
