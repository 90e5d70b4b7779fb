/** The renderer's web transport with fake fetch/WebSocket: one generic route, token handling, reconnect. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_METHODS, type PushEvent } from '../../../src/shared/api';
import { createWebClient } from '../../../src/renderer/src/transport/web-client';
import { takeToken, TOKEN_STORAGE_KEY } from '../../../src/renderer/src/transport/token';

class FakeSocket {
  static instances: FakeSocket[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: (() => void) | null = null;
  closedWith: number | null = null;
  constructor(
    public url: string,
    public protocols: string[],
  ) {
    FakeSocket.instances.push(this);
  }
  close(code: number): void {
    this.closedWith = code;
  }
  emit(data: string): void {
    this.onmessage?.({ data } as MessageEvent);
  }
}

function fakeFetch(reply: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fn = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return reply(url, init);
  }) as unknown as typeof fetch;
  return { fn, calls };
}

beforeEach(() => {
  FakeSocket.instances = [];
});
afterEach(() => vi.useRealTimers());

describe('createWebClient', () => {
  it('has every API method and posts each to /api/<method> with the token header', async () => {
    const { fn, calls } = fakeFetch(() => new Response(JSON.stringify({ ok: true, value: 7 }), { status: 200 }));
    const api = createWebClient({ origin: 'http://127.0.0.1:5000', token: 'T0K', fetch: fn, WebSocket: FakeSocket as unknown as typeof WebSocket });
    for (const method of API_METHODS) expect(typeof api[method]).toBe('function');
    const result = await api.who({ port: 80 });
    expect(result).toEqual({ ok: true, value: 7 });
    expect(calls[0].url).toBe('http://127.0.0.1:5000/api/who');
    expect(calls[0].init.method).toBe('POST');
    expect((calls[0].init.headers as Record<string, string>)['X-PortScope-Token']).toBe('T0K');
    expect(calls[0].init.body).toBe('{"port":80}');
  });

  it('turns server refusals, garbage and lost connections into Results', async () => {
    const refusal = { ok: false, code: 'PERMISSION_DENIED', message: 'missing or wrong token' };
    let mode = 'refuse';
    const { fn } = fakeFetch(() => {
      if (mode === 'refuse') return new Response(JSON.stringify(refusal), { status: 401 });
      if (mode === 'garbage') return new Response('<html>', { status: 502 });
      throw new TypeError('fetch failed');
    });
    const api = createWebClient({ origin: 'http://x', token: 't', fetch: fn, WebSocket: FakeSocket as unknown as typeof WebSocket });
    expect(await api.list({})).toEqual(refusal);
    mode = 'garbage';
    expect(await api.list({})).toMatchObject({ ok: false, code: 'FAILED', message: expect.stringContaining('502') });
    mode = 'down';
    expect(await api.list({})).toMatchObject({ ok: false, code: 'FAILED', message: expect.stringContaining('portscope web') });
  });

  it('without a token, says how to get one and never calls the server', async () => {
    const { fn, calls } = fakeFetch(() => new Response('{}'));
    const api = createWebClient({ origin: 'http://x', token: null, fetch: fn, WebSocket: FakeSocket as unknown as typeof WebSocket });
    expect(await api.list({})).toMatchObject({ ok: false, code: 'PERMISSION_DENIED', message: expect.stringContaining('?token=') });
    api.subscribe(() => undefined);
    expect(calls).toHaveLength(0);
    expect(FakeSocket.instances).toHaveLength(0);
  });

  it('opens one WebSocket with the token subprotocol, fans out events, reconnects, closes after the last unsubscribe', async () => {
    vi.useFakeTimers();
    const statuses: string[] = [];
    const api = createWebClient({
      origin: 'http://127.0.0.1:5000',
      token: 'T0K',
      fetch: fakeFetch(() => new Response('{}')).fn,
      WebSocket: FakeSocket as unknown as typeof WebSocket,
      minRetryMs: 100,
      onStatus: (s) => statuses.push(s),
    });
    const a: PushEvent[] = [];
    const b: PushEvent[] = [];
    const offA = api.subscribe((e) => a.push(e));
    const offB = api.subscribe((e) => b.push(e));
    expect(FakeSocket.instances).toHaveLength(1);
    const first = FakeSocket.instances[0];
    expect(first.url).toBe('ws://127.0.0.1:5000/ws');
    expect(first.protocols).toEqual(['portscope', 'token.T0K']);
    first.onopen?.();
    first.emit('{"type":"poll-interval","ms":1000}');
    first.emit('not json');
    expect(a).toEqual([{ type: 'poll-interval', ms: 1000 }]);
    expect(b).toEqual(a);

    first.onclose?.();
    expect(FakeSocket.instances).toHaveLength(1);
    vi.advanceTimersByTime(100);
    expect(FakeSocket.instances).toHaveLength(2);
    offA();
    offB();
    expect(FakeSocket.instances[1].closedWith).toBe(1000);
    vi.advanceTimersByTime(10_000);
    expect(FakeSocket.instances).toHaveLength(2);
    expect(statuses).toEqual(['connecting', 'open', 'closed', 'connecting', 'closed']);
  });
});

describe('takeToken', () => {
  function env(href: string, stored: string | null = null) {
    const storage = new Map<string, string>(stored ? [[TOKEN_STORAGE_KEY, stored]] : []);
    const replaced: string[] = [];
    return {
      replaced,
      storage,
      env: {
        location: { href },
        history: { state: null, replaceState: (_s: unknown, _t: string, url?: string | URL | null) => void replaced.push(String(url)) },
        storage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) },
      },
    };
  }

  it('takes the token from the URL, stores it and scrubs it from the address bar', () => {
    const e = env('http://127.0.0.1:5000/?token=abc&x=1#top');
    expect(takeToken(e.env)).toBe('abc');
    expect(e.storage.get(TOKEN_STORAGE_KEY)).toBe('abc');
    expect(e.replaced).toEqual(['/?x=1#top']);
  });

  it('falls back to the stored token after a reload, or null', () => {
    const stored = env('http://127.0.0.1:5000/', 'kept');
    expect(takeToken(stored.env)).toBe('kept');
    expect(stored.replaced).toEqual([]);
    expect(takeToken(env('http://127.0.0.1:5000/').env)).toBeNull();
  });
});
