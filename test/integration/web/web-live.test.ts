/**
 * The web face over the real service and engine on this machine: `list` over HTTP returns rows
 * including a listener this test opens, and after setPollInterval the WebSocket pushes a diff that
 * adds a second listener opened later.
 */
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushEvent } from '../../../src/shared/api';
import type { Snapshot } from '../../../src/shared/types';
import type { Result } from '../../../src/shared/result';
import { startWebServer, type WebServer } from '../../../src/main/web/index';
import { apiCall, nextMessage, openSocket } from './helpers';

function listen(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : 0 });
    });
  });
}

let web: WebServer;
const sockets: Server[] = [];

beforeAll(async () => {
  const started = await startWebServer({ rendererDir: null });
  if (!started.ok) throw new Error(started.message);
  web = started.value;
});

afterAll(async () => {
  await web?.close();
  for (const server of sockets) server.close();
});

describe('web face with the real engine', () => {
  it('lists a listener this test opened, over HTTP', async () => {
    const { server, port } = await listen();
    sockets.push(server);
    const res = await apiCall(web.port, web.token, 'list', { port, listening: true });
    const result = JSON.parse(res.body) as Result<Snapshot>;
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    const row = result.value.rows.find((r) => r.localPort === port && r.protocol === 'tcp');
    expect(row?.state).toBe('LISTEN');
    expect(row?.pid).toBe(process.pid);
  });

  it('pushes a diff over the WebSocket after setPollInterval', async () => {
    const opened = await openSocket(`ws://127.0.0.1:${web.port}/ws`, ['portscope', `token.${web.token}`]);
    if (!('socket' in opened)) throw new Error(`refused ${opened.refusedStatus}`);
    const { socket } = opened;
    try {
      expect(JSON.parse((await apiCall(web.port, web.token, 'list', {})).body)).toMatchObject({ ok: true });
      expect(JSON.parse((await apiCall(web.port, web.token, 'setPollInterval', { ms: 200 })).body)).toEqual({ ok: true, value: { ms: 200 } });
      const { server, port } = await listen();
      sockets.push(server);
      const event = await nextMessage<PushEvent>(
        socket,
        (e) => e.type === 'diff' && e.diff.added.some((row) => row.localPort === port && row.state === 'LISTEN'),
      );
      expect(event.type).toBe('diff');
      if (event.type === 'diff') expect(event.diff.seq).toBeGreaterThan(event.diff.fromSeq);
    } finally {
      socket.close();
    }
  });
});
