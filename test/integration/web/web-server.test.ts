/**
 * The web face's security and protocol against a real loopback server with a scripted service, so
 * the checks do not depend on the engine (a second file runs the real service).
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushEvent } from '../../../src/shared/api';
import type { PortScopeService } from '../../../src/main/service/index';
import type { Engine } from '../../../src/main/engine/engine';
import { startWebServer, type WebServer } from '../../../src/main/web/index';
import { staticFilesCookieValue } from '../../../src/main/web/security';
import { apiCall, nextMessage, openSocket, rawRequest } from './helpers';

/** A service whose setPollInterval pushes a diff, like the engine's first poll would. */
function scriptedService(): PortScopeService & { calls: string[] } {
  const handlers = new Set<(event: PushEvent) => void>();
  const calls: string[] = [];
  let interval = 0;
  const engine = {
    setInterval: (ms: number) => {
      interval = ms;
      calls.push(`setInterval ${ms}`);
    },
    intervalMs: () => interval,
    current: async () => void calls.push('current'),
    collectAhead: () => void calls.push('collectAhead'),
    stop: () => void calls.push('stop'),
  } as unknown as Engine;
  const row = { id: 'tcp|127.0.0.1|8080||1', protocol: 'tcp', localPort: 8080 };
  return {
    engine,
    calls,
    async dispatch(method, input) {
      if (method === 'list') return { ok: true, value: { seq: 1, rows: [row] } };
      if (method === 'setPollInterval') {
        const ms = (input as { ms: number }).ms;
        const diff = { seq: 2, fromSeq: 1, takenAt: '', costMs: 1, added: [row], changed: [], removed: [], ownersHidden: null };
        setTimeout(() => handlers.forEach((h) => h({ type: 'diff', diff } as unknown as PushEvent)), 10);
        return { ok: true, value: { ms } };
      }
      return { ok: false, code: 'BAD_INPUT', message: `echo ${method} ${JSON.stringify(input)}` };
    },
    subscribe(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    async dispose() {},
  };
}

const hasIpv6Loopback = Object.values(networkInterfaces()).some((list) => list?.some((i) => i.address === '::1'));
if (!hasIpv6Loopback) console.warn('IPv6 web test skipped: this machine has no ::1 loopback address.');

let server: WebServer;
let service: ReturnType<typeof scriptedService>;
let port: number;
let token: string;
let rendererDir: string;

beforeAll(async () => {
  rendererDir = mkdtempSync(path.join(tmpdir(), 'portscope-web-'));
  mkdirSync(path.join(rendererDir, 'assets'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>PortScope</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  // A file beside the root that traversal would reach.
  writeFileSync(path.join(rendererDir, '..', `${path.basename(rendererDir)}-secret.txt`), 'SECRET');
  service = scriptedService();
  const started = await startWebServer({ service, rendererDir, pollIntervalMs: 1000, maxBodyBytes: 4096 });
  if (!started.ok) throw new Error(started.message);
  server = started.value;
  ({ port, token } = server);
});

afterAll(async () => {
  await server?.close();
  rmSync(rendererDir, { recursive: true, force: true });
  rmSync(path.join(rendererDir, '..', `${path.basename(rendererDir)}-secret.txt`), { force: true });
});

describe('the page and static files', () => {
  it('prints a loopback URL carrying the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${port}/?token=${token}`);
  });

  it('serves the page with the token, security headers and a per-port cookie', async () => {
    const res = await rawRequest(port, `/?token=${token}`, { headers: { Host: `127.0.0.1:${port}` } });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>PortScope</title>');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
    // Other servers on 127.0.0.1 see this cookie too (cookies ignore ports): it must not be the token.
    expect(String(res.headers['set-cookie'])).toMatch(new RegExp(`^portscope_token_${port}=${staticFilesCookieValue(token)}; Path=/; HttpOnly; SameSite=Strict`));
    expect(String(res.headers['set-cookie'])).not.toContain(token);
  });

  it('serves assets with the cookie, and nothing without a token', async () => {
    const page = await rawRequest(port, `/?token=${token}`);
    const cookie = String(page.headers['set-cookie']).split(';')[0]!;
    const withCookie = await rawRequest(port, '/assets/app.js', { headers: { Cookie: cookie } });
    expect(withCookie.status).toBe(200);
    expect(withCookie.headers['content-type']).toMatch(/^text\/javascript/);
    const tokenAsCookie = await rawRequest(port, '/assets/app.js', { headers: { Cookie: `portscope_token_${port}=${token}` } });
    expect(tokenAsCookie.status).toBe(401);
    const none = await rawRequest(port, '/');
    expect(none.status).toBe(401);
    expect(none.body).not.toContain('PortScope</title>');
    const wrong = await rawRequest(port, `/?token=${token.slice(0, -2)}xx`);
    expect(wrong.status).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('refuses path traversal', async () => {
    const secret = `${path.basename(rendererDir)}-secret.txt`;
    for (const attempt of [`/../${secret}`, `/%2e%2e/${secret}`, `/assets/..%2f..%2f${secret}`, `/assets/%2e%2e%5c${secret}`]) {
      const res = await rawRequest(port, `${attempt}?token=${token}`);
      expect(res.status, attempt).toBeGreaterThanOrEqual(400);
      expect(res.body, attempt).not.toContain('SECRET');
    }
  });
});

describe('the API', () => {
  it('answers list with rows when the token is right', async () => {
    const res = await apiCall(port, token, 'list', {});
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { rows: [{ localPort: 8080 }] } });
    const bearer = await rawRequest(port, '/api/list', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: '{}',
    });
    expect(bearer.status).toBe(200);
  });

  it('gives no data without the token, with a wrong one, or with only the cookie', async () => {
    const attempts: Record<string, string>[] = [
      { 'Content-Type': 'application/json' },
      { 'Content-Type': 'application/json', 'X-PortScope-Token': 'wrong' },
      { 'Content-Type': 'application/json', 'X-PortScope-Token': token + 'A' },
      { 'Content-Type': 'application/json', Cookie: `portscope_token_${port}=${token}` },
      { 'Content-Type': 'application/json', Cookie: `portscope_token_${port}=${staticFilesCookieValue(token)}` },
    ];
    for (const headers of attempts) {
      const res = await rawRequest(port, '/api/list', { method: 'POST', headers, body: '{}' });
      expect(res.status).toBe(401);
      expect(res.body).not.toContain('8080');
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, code: 'PERMISSION_DENIED' });
    }
  });

  it('gives no data to a foreign Host or Origin (DNS rebinding)', async () => {
    const base = { 'Content-Type': 'application/json', 'X-PortScope-Token': token };
    for (const headers of [
      { ...base, Host: `evil.example:${port}` },
      { ...base, Host: `127.0.0.1:${port + 1}` },
      { ...base, Origin: `http://evil.example:${port}` },
      { ...base, Origin: 'null' },
    ]) {
      const res = await rawRequest(port, '/api/list', { method: 'POST', headers, body: '{}' });
      expect(res.status).toBe(403);
      expect(res.body).not.toContain('8080');
    }
    const page = await rawRequest(port, `/?token=${token}`, { headers: { Host: `evil.example:${port}` } });
    expect(page.status).toBe(403);
    const ownOrigin = await rawRequest(port, '/api/list', { method: 'POST', headers: { ...base, Origin: `http://localhost:${port}` }, body: '{}' });
    expect(ownOrigin.status).toBe(200);
  });

  it('refuses bad requests with clear errors', async () => {
    const post = (pathName: string, body: string, contentType = 'application/json') =>
      rawRequest(port, pathName, { method: 'POST', headers: { 'Content-Type': contentType, 'X-PortScope-Token': token }, body });
    expect((await post('/api/nope', '{}')).status).toBe(404);
    expect((await post('/api/list', '{not json')).status).toBe(400);
    expect((await post('/api/list', '{}', 'text/plain')).status).toBe(415);
    const big = await post('/api/list', JSON.stringify({ pad: 'x'.repeat(10_000) }));
    expect(big.status).toBe(413);
    const get = await rawRequest(port, '/api/list', { headers: { 'X-PortScope-Token': token } });
    expect(get.status).toBe(405);
    const forwarded = await post('/api/who', '{"port":80}');
    expect(JSON.parse(forwarded.body)).toMatchObject({ ok: false, message: 'echo who {"port":80}' });
  });
});

describe('the WebSocket', () => {
  const wsUrl = () => `ws://127.0.0.1:${port}/ws`;

  it('refuses the upgrade without a token, with a wrong one, with a cookie only, or from a foreign origin', async () => {
    expect(await openSocket(wsUrl(), ['portscope'])).toEqual({ refusedStatus: 401 });
    for (const value of [token, staticFilesCookieValue(token)]) {
      expect(await openSocket(wsUrl(), ['portscope'], { Cookie: `portscope_token_${port}=${value}` })).toEqual({ refusedStatus: 401 });
    }
    expect(await openSocket(wsUrl(), ['portscope', 'token.wrong'])).toEqual({ refusedStatus: 401 });
    expect(await openSocket(wsUrl(), ['portscope', `token.${token}`], { Origin: 'http://evil.example' })).toEqual({ refusedStatus: 403 });
    expect(await openSocket(wsUrl(), ['portscope', `token.${token}`], { Host: `evil.example:${port}` })).toEqual({ refusedStatus: 403 });
    expect(await openSocket(`ws://127.0.0.1:${port}/other`, ['portscope', `token.${token}`])).toEqual({ refusedStatus: 404 });
  });

  it('accepts the token subprotocol without echoing it, starts the poller, pushes a diff after setPollInterval', async () => {
    const opened = await openSocket(wsUrl(), ['portscope', `token.${token}`], { Origin: `http://127.0.0.1:${port}` });
    if (!('socket' in opened)) throw new Error(`refused ${opened.refusedStatus}`);
    const { socket } = opened;
    expect(socket.protocol).toBe('portscope');
    expect(service.calls).toEqual(['setInterval 1000', 'current']);
    const diff = nextMessage<PushEvent>(socket, (e) => e.type === 'diff');
    await apiCall(port, token, 'setPollInterval', { ms: 500 });
    const event = await diff;
    expect(event).toMatchObject({ type: 'diff', diff: { seq: 2, added: [{ localPort: 8080 }] } });
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.close();
    await closed;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(service.calls.at(-1)).toBe('stop');
  });
});

describe('collecting ahead', () => {
  it('with collectAhead (portscope web), chooses the default interval and starts the first poll before any page comes', async () => {
    const ahead = scriptedService();
    const started = await startWebServer({ service: ahead, rendererDir, pollIntervalMs: 1000, collectAhead: true });
    if (!started.ok) throw new Error(started.message);
    const web = started.value;
    try {
      expect(ahead.calls).toEqual(['setInterval 1000', 'collectAhead']);
      const opened = await openSocket(`ws://127.0.0.1:${web.port}/ws`, ['portscope', `token.${web.token}`], { Origin: `http://127.0.0.1:${web.port}` });
      if (!('socket' in opened)) throw new Error(`refused ${opened.refusedStatus}`);
      expect(ahead.calls).toEqual(['setInterval 1000', 'collectAhead', 'current']); // the interval is chosen once
      opened.socket.close();
    } finally {
      await web.close();
    }
  });

  it('without it, never collects ahead', () => {
    expect(service.calls).not.toContain('collectAhead'); // the suite's server, started without it
  });
});

describe('binding', () => {
  it.skipIf(!hasIpv6Loopback).each(['::1', '[::1]'])('serves IPv6 loopback given as %s with a bracketed URL', async (host) => {
    const started = await startWebServer({ host, service: scriptedService(), rendererDir });
    if (!started.ok) throw new Error(started.message);
    const v6 = started.value;
    try {
      expect(v6.url).toBe(`http://[::1]:${v6.port}/?token=${v6.token}`);
      const page = await rawRequest(v6.port, `/?token=${v6.token}`, { host: '::1', headers: { Origin: `http://[::1]:${v6.port}` } });
      expect(page.status).toBe(200);
      const foreign = await rawRequest(v6.port, `/?token=${v6.token}`, { host: '::1', headers: { Host: `evil.example:${v6.port}` } });
      expect(foreign.status).toBe(403);
    } finally {
      await v6.close();
    }
  });

  it('refuses a non-loopback address without an explicit --host', async () => {
    const warnings: string[] = [];
    const started = await startWebServer({ host: '0.0.0.0', rendererDir, warn: (t) => warnings.push(t) });
    expect(started.ok).toBe(false);
    expect(!started.ok && started.message).toMatch(/explicit --host/);
  });

  it('reports a port in use as a result, not a throw', async () => {
    const started = await startWebServer({ port, rendererDir });
    expect(started.ok).toBe(false);
    expect(!started.ok && started.message).toMatch(/in use/);
  });
});
