/** getApi(): the Electron bridge when the preload put one on window, otherwise the web client with the page's token. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PortScopeApi } from '../../../src/shared/api';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

function fakeWindow(href: string, portscope?: PortScopeApi) {
  const store = new Map<string, string>();
  const replaced: string[] = [];
  return {
    replaced,
    window: {
      portscope,
      location: { href, origin: new URL(href).origin },
      history: { state: null, replaceState: (_s: unknown, _t: string, url: string) => void replaced.push(url) },
      sessionStorage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) },
    },
  };
}

describe('getApi', () => {
  it('uses the Electron bridge when present', async () => {
    const bridge = { list: vi.fn() } as unknown as PortScopeApi;
    vi.stubGlobal('window', fakeWindow('file:///app/out/renderer/index.html', bridge).window);
    const transport = await import('../../../src/renderer/src/transport/index');
    expect(transport.getApi()).toBe(bridge);
    expect(transport.isWebFace()).toBe(false);
    const statuses: string[] = [];
    transport.onTransportStatus((s) => statuses.push(s));
    expect(statuses).toEqual(['open']);
  });

  it('otherwise builds the web client from the page token and scrubs it from the address bar', async () => {
    const fake = fakeWindow('http://127.0.0.1:5000/?token=T0K');
    vi.stubGlobal('window', fake.window);
    const calls: { url: string; headers: Record<string, string> }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push({ url, headers: init.headers as Record<string, string> });
      return new Response('{"ok":true,"value":[]}');
    });
    const transport = await import('../../../src/renderer/src/transport/index');
    const api = transport.getApi();
    expect(transport.isWebFace()).toBe(true);
    expect(transport.getApi()).toBe(api);
    expect(fake.replaced).toEqual(['/']);
    expect(await api.listeners({})).toEqual({ ok: true, value: [] });
    expect(calls).toEqual([{ url: 'http://127.0.0.1:5000/api/listeners', headers: { 'Content-Type': 'application/json', 'X-PortScope-Token': 'T0K' } }]);
  });
});
