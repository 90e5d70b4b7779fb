import { execFileSync } from 'node:child_process';
import net from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/main/engine/engine';
import { createActionHandlers } from '../../../src/main/service/action-handlers';
import { closeConnection } from '../../../src/main/actions/close-connection';

const isRoot = process.platform === 'linux' && process.getuid?.() === 0;
if (!isRoot) console.warn('ss -K close tests skipped: they need Linux and root (the kernel refuses SOCK_DESTROY otherwise)');

const engine = createEngine({ intervalMs: 0, emit: () => undefined });
const handlers = createActionHandlers({ engine, dataDir: mkdtempSync(path.join(tmpdir(), 'ps-close-')) });
const servers: net.Server[] = [];
afterAll(() => {
  engine.stop();
  for (const s of servers) s.close();
});

interface Pair {
  client: net.Socket;
  serverSide: net.Socket;
  clientEnd: Promise<string>;
  serverEnd: Promise<string>;
  tuple: { localAddress: string; localPort: number; remoteAddress: string; remotePort: number };
}

/** A loopback connection; each end records how it ended (error code or "closed"). */
async function connectedPair(host: string): Promise<Pair> {
  const server = net.createServer();
  servers.push(server);
  const serverSide = new Promise<net.Socket>((resolve) => server.once('connection', resolve));
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as net.AddressInfo).port;
  const client = net.connect(port, host);
  await new Promise<void>((resolve) => client.once('connect', resolve));
  const peer = await serverSide;
  const ending = (s: net.Socket): Promise<string> =>
    new Promise((resolve) => {
      let code = 'closed';
      s.on('error', (e: NodeJS.ErrnoException) => (code = e.code ?? 'error'));
      s.on('close', () => resolve(code));
    });
  return {
    client,
    serverSide: peer,
    clientEnd: ending(client),
    serverEnd: ending(peer),
    tuple: { localAddress: host, localPort: client.localPort as number, remoteAddress: host, remotePort: port },
  };
}

const ssRows = (t: Pair['tuple']): string => {
  const h = (a: string): string => (a.includes(':') ? `[${a}]` : a);
  return execFileSync('ss', ['-tnH', 'src', h(t.localAddress), 'sport', '=', `:${t.localPort}`, 'dst', h(t.remoteAddress), 'dport', '=', `:${t.remotePort}`]).toString().trim();
};

describe.skipIf(!isRoot)('close one TCP connection with ss -K (Linux, root)', () => {
  it.each(['127.0.0.1', '::1'])('plans, closes and verifies from both ends (%s)', async (host) => {
    const pair = await connectedPair(host);
    expect(ssRows(pair.tuple)).toMatch(/^ESTAB/);
    const plan = await handlers.close({ ...pair.tuple, confirm: false });
    expect(plan.ok && plan.value.result).toBe('planned');
    expect(plan.ok && plan.value.connection?.pid).toBe(process.pid);
    expect(plan.ok && plan.value.message).toMatch(/would close tcp .* with `ss -K src/);
    expect(ssRows(pair.tuple)).toMatch(/^ESTAB/); // planning did nothing

    const done = await handlers.close({ ...pair.tuple, confirm: true });
    expect(done.ok && done.value.result).toBe('closed');
    expect(ssRows(pair.tuple)).toBe('');
    // Both ends saw it: the destroyed side aborts, the peer gets a reset.
    expect(await pair.clientEnd).toBe('ECONNABORTED');
    expect(await pair.serverEnd).toBe('ECONNRESET');
  });

  it('reports not-found for a connection that does not exist', async () => {
    const result = await handlers.close({ localAddress: '127.0.0.1', localPort: 1, remoteAddress: '127.0.0.1', remotePort: 2, confirm: true });
    expect(result.ok && result.value.result).toBe('not-found');
  });

  it('without rights (and no elevation asked) says so and leaves the connection open', async () => {
    const pair = await connectedPair('127.0.0.1');
    const result = await closeConnection({ ...pair.tuple, confirm: true }, { engine, platform: 'linux', privileged: async () => false });
    expect(result.ok && result.value.result).toBe('permission-denied');
    expect(result.ok && result.value.needsElevation).toBe(true);
    expect(ssRows(pair.tuple)).toMatch(/^ESTAB/);
    pair.client.destroy();
  });

  it('refuses names and mixed families as bad input, and is honest on macOS and for Windows IPv6', async () => {
    const bad = await closeConnection({ localAddress: 'localhost', localPort: 1, remoteAddress: '127.0.0.1', remotePort: 2, confirm: false }, { engine, platform: 'linux', privileged: async () => true });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.code).toBe('BAD_INPUT');
    const mac = await closeConnection({ localAddress: '127.0.0.1', localPort: 1, remoteAddress: '127.0.0.1', remotePort: 2, confirm: true }, { engine, platform: 'darwin', privileged: async () => true });
    expect(mac.ok && mac.value.result).toBe('unsupported');
    expect(mac.ok && mac.value.message).toMatch(/macOS offers no way/);
    const win6 = await closeConnection({ localAddress: '::1', localPort: 1, remoteAddress: '::1', remotePort: 2, confirm: true }, { engine, platform: 'win32', privileged: async () => true });
    expect(win6.ok && win6.value.result).toBe('unsupported');
    expect(win6.ok && win6.value.message).toMatch(/IPv4 only|only close IPv4/);
  });
});
