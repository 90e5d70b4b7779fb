/** Binding a TCP server or UDP socket, as a Result with Node's errno on failure (never a throw). */
import net from 'node:net';
import dgram from 'node:dgram';

export type BindOutcome<T> = { ok: true; socket: T } | { ok: false; errno: string; message: string };

const failure = (error: unknown): { ok: false; errno: string; message: string } => {
  const e = error as NodeJS.ErrnoException;
  return { ok: false, errno: e.code ?? 'UNKNOWN', message: e.message ?? String(error) };
};

/** `::` is bound dual-stack (IPv6 and IPv4), like most servers do. */
export function bindTcp(server: net.Server, host: string, port: number): Promise<BindOutcome<net.Server>> {
  return new Promise((resolve) => {
    const onError = (error: Error): void => resolve(failure(error));
    server.once('error', onError);
    server.listen({ host, port, ipv6Only: false, exclusive: true }, () => {
      server.off('error', onError);
      resolve({ ok: true, socket: server });
    });
  });
}

export function bindUdp(host: string, port: number): Promise<BindOutcome<dgram.Socket>> {
  return new Promise((resolve) => {
    let socket: dgram.Socket;
    try {
      socket = dgram.createSocket({ type: host.includes(':') ? 'udp6' : 'udp4', ipv6Only: false });
    } catch (error) {
      resolve(failure(error));
      return;
    }
    const onError = (error: Error): void => {
      socket.close();
      resolve(failure(error));
    };
    socket.once('error', onError);
    try {
      socket.bind({ address: host, port, exclusive: true }, () => {
        socket.off('error', onError);
        resolve({ ok: true, socket });
      });
    } catch (error) {
      resolve(failure(error));
    }
  });
}

/** Bind briefly and release: is this port free for us right now? */
export async function canBind(protocol: 'tcp' | 'udp', host: string, port: number): Promise<boolean> {
  if (protocol === 'udp') {
    const outcome = await bindUdp(host, port);
    if (outcome.ok) await new Promise<void>((r) => outcome.socket.close(() => r()));
    return outcome.ok;
  }
  const outcome = await bindTcp(net.createServer(), host, port);
  if (outcome.ok) await new Promise<void>((r) => outcome.socket.close(() => r()));
  return outcome.ok;
}
