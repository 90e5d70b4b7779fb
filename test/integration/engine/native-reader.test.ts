/**
 * The native reader (native-reader.c) against ss and the JavaScript fd walk, on sockets this test opens on
 * loopback: the same rows field by field, the same owners. Skipped, with the reason printed, where the
 * reader is not built (no C compiler or Node headers when `npm run build` ran) or off Linux.
 */
import net from 'node:net';
import dgram from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as procFds from '../../../src/main/collectors/linux/proc-fd-walk';
import { LiveOwners } from '../../../src/main/collectors/linux/linux-collection';
import { nativeReader, readSocketsNatively, startNativeReadsEarly, type NativeReader } from '../../../src/main/collectors/linux/native-reader';
import { createSockDiagCollector } from '../../../src/main/collectors/linux/sock-diag-collector';
import { createSsCollector } from '../../../src/main/collectors/linux/ss-collector';
import { SocketOwnerIndex } from '../../../src/main/collectors/linux/socket-owner-index';
import type { RawSocket } from '../../../src/shared/types';

const reader = nativeReader();
if (process.platform !== 'linux') console.warn('native reader tests skipped: the reader is for Linux');
else if (!reader) console.warn('native reader tests skipped: it is not built here (`npm run build` compiles it when a C compiler and Node headers are present: scripts/build-native.mjs)');

/** Owners read by the JavaScript walk only (the index's native walk left out). */
function ownersByJavaScriptWalk(): LiveOwners {
  return new LiveOwners(new SocketOwnerIndex({ proc: { ...procFds, startNativeFdLinkWalk: undefined } }));
}

function listen(options: net.ListenOptions): Promise<net.Server> {
  return new Promise((resolve) => {
    const server = net.createServer(() => undefined).listen(options, () => resolve(server));
  });
}

function bindUdp(type: 'udp4' | 'udp6', host: string, connectTo?: number): Promise<dgram.Socket> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket(type);
    socket.bind(0, host, () => (connectTo ? socket.connect(connectTo, host, () => resolve(socket)) : resolve(socket)));
  });
}

describe.skipIf(!reader)('the native reader', () => {
  const servers: net.Server[] = [];
  const udp: dgram.Socket[] = [];
  const clients: net.Socket[] = [];
  const ports = new Set<number>();

  beforeAll(async () => {
    servers.push(
      await listen({ port: 0, host: '127.0.0.1' }),
      await listen({ port: 0, host: '::' }), // dual-stack
      await listen({ port: 0, host: '::', ipv6Only: true }),
      await listen({ port: 0, host: '::1' }),
    );
    for (const server of servers) ports.add((server.address() as net.AddressInfo).port);
    const v6 = (servers[3]!.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => clients.push(net.connect(v6, '::1', resolve)));
    ports.add(clients[0]!.localPort!);
    udp.push(await bindUdp('udp6', '::'), await bindUdp('udp4', '127.0.0.1', (servers[0]!.address() as net.AddressInfo).port));
    for (const socket of udp) ports.add(socket.address().port);
  });

  afterAll(() => {
    for (const client of clients) client.destroy();
    for (const server of servers) server.close();
    for (const socket of udp) socket.close();
  });

  const ours = (rows: readonly RawSocket[]) =>
    rows
      .filter((r) => ports.has(r.localPort) && r.owners.some((o) => o.pid === process.pid))
      .map((r) => ({ ...r, owners: r.owners.map((o) => o.pid) }))
      .sort((a, b) => `${a.protocol}${a.localAddress}${a.localPort}${a.remotePort}`.localeCompare(`${b.protocol}${b.localAddress}${b.localPort}${b.remotePort}`));

  it('reads the same sockets as ss -tunae, field by field, and the same owners as the JavaScript walk', async () => {
    const native = ours((await createSockDiagCollector(new LiveOwners(), reader).collect()).rows);
    const ss = ours((await createSsCollector(ownersByJavaScriptWalk()).collect()).rows);
    expect(native.length).toBe(8); // 4 listeners, both ends of the connection, 2 UDP sockets
    expect(native).toEqual(ss);
    // the cases that differ in ss's text: `*:port`, `[::]:port`, `[::1]:port` with V6ONLY, a connected UDP socket
    expect(native.filter((r) => r.family === 6 && r.localAddress === '::').map((r) => [r.protocol, r.dualStack])).toEqual(
      expect.arrayContaining([['tcp', true], ['tcp', false], ['udp', true]]),
    );
    expect(native.find((r) => r.protocol === 'udp' && r.remotePort !== null)).toMatchObject({ state: null, remoteAddress: '127.0.0.1' });
  });

  it('a poll where nothing of ours changed hands out the same raw sockets again', async () => {
    const collector = createSockDiagCollector(new LiveOwners(), reader);
    const first = (await collector.collect()).rows.filter((r) => ports.has(r.localPort));
    const second = new Set((await collector.collect()).rows);
    expect(first.length).toBeGreaterThanOrEqual(8);
    expect(first.every((row) => second.has(row))).toBe(true);
  });

  it('the CLI’s early read is taken once: the next read is a new one', async () => {
    expect(startNativeReadsEarly()).toBe(true);
    let asked = 0;
    const counting: NativeReader = {
      readSockets: () => (asked++, reader!.readSockets()),
      readFdLinks: () => reader!.readFdLinks(),
    };
    const early = await readSocketsNatively(counting);
    expect(asked).toBe(0);
    expect(early.length).toBeGreaterThan(0);
    await readSocketsNatively(counting);
    expect(asked).toBe(1);
  });
});
