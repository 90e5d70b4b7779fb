import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as mainChannels from '../../../src/main/electron/ipc-channels';
import * as preloadChannels from '../../../src/preload/channels';
import { isTrustedSender } from '../../../src/main/electron/trusted-sender';

describe('IPC channels', () => {
  it('main and preload use the same names', () => {
    expect(preloadChannels.INVOKE_PREFIX).toBe(mainChannels.INVOKE_PREFIX);
    expect(preloadChannels.PUSH_CHANNEL).toBe(mainChannels.PUSH_CHANNEL);
    expect(mainChannels.invokeChannel('list')).toBe('portscope:list');
  });

  it('the preload exposes one object built from the method table, with no other npm imports', () => {
    const source = readFileSync(path.resolve('src/preload/index.ts'), 'utf8');
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(imports.filter((name) => !name.startsWith('.'))).toEqual(['electron']);
    expect(source.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(source).toContain("exposeInMainWorld('portscope', api)");
    expect(source).toContain('createApiClient(');
  });
});

describe('isTrustedSender', () => {
  const built = { fileUrl: 'file:///opt/PortScope/resources/app.asar/out/renderer/index.html' };
  const dev = { devOrigin: 'http://localhost:5173' };

  it('trusts only the top frame of our renderer', () => {
    expect(isTrustedSender('file:///opt/PortScope/resources/app.asar/out/renderer/index.html', true, built)).toBe(true);
    expect(isTrustedSender('file:///opt/PortScope/resources/app.asar/out/renderer/index.html#x', true, built)).toBe(true);
    expect(isTrustedSender('file:///opt/PortScope/resources/app.asar/out/renderer/index.html', false, built)).toBe(false);
    expect(isTrustedSender('http://localhost:5173/', true, dev)).toBe(true);
  });

  it('refuses other files, other origins and garbage', () => {
    expect(isTrustedSender('file:///tmp/evil.html', true, built)).toBe(false);
    expect(isTrustedSender('https://evil.example/', true, built)).toBe(false);
    expect(isTrustedSender('http://localhost:5174/', true, dev)).toBe(false);
    expect(isTrustedSender('file:///opt/PortScope/resources/app.asar/out/renderer/index.html', true, dev)).toBe(false);
    expect(isTrustedSender(undefined, true, built)).toBe(false);
    expect(isTrustedSender('not a url', true, built)).toBe(false);
  });
});

describe('createIpcRoute', () => {
  const trusted = { fileUrl: 'file:///app/out/renderer/index.html' };
  const own = { url: 'file:///app/out/renderer/index.html', isTopFrame: true };

  it('refuses foreign or sub-frame senders without calling the service', async () => {
    const { createIpcRoute } = await import('../../../src/main/electron/ipc-router');
    const calls: string[] = [];
    const route = createIpcRoute({ dispatch: async (method) => (calls.push(method), { ok: true, value: null }) }, trusted);
    for (const sender of [
      { url: 'https://evil.example/', isTopFrame: true },
      { url: own.url, isTopFrame: false },
      { url: undefined, isTopFrame: true },
    ]) {
      expect(await route('list', sender, {})).toMatchObject({ ok: false, code: 'PERMISSION_DENIED' });
    }
    expect(calls).toEqual([]);
    expect(await route('list', own, {})).toEqual({ ok: true, value: null });
    expect(calls).toEqual(['list']);
  });

  it('hands payloads to the service, whose zod schemas refuse bad ones', async () => {
    const { createIpcRoute } = await import('../../../src/main/electron/ipc-router');
    const { createService } = await import('../../../src/main/service/index');
    const service = createService({ pollIntervalMs: 0 });
    try {
      const route = createIpcRoute(service, trusted);
      // The message says what is wrong: zod/mini leaves messages to a locale ("Invalid input" without one).
      expect(await route('who', own, { port: 70000 })).toEqual({
        ok: false,
        code: 'BAD_INPUT',
        message: 'Invalid input for who: port: Too big: expected number to be <=65535',
      });
      expect(await route('setPollInterval', own, { ms: 1000, extra: true })).toMatchObject({
        ok: false,
        code: 'BAD_INPUT',
        message: expect.stringContaining('Unrecognized key: "extra"'),
      });
      expect(await route('setPollInterval', own, { ms: 1000 })).toEqual({ ok: true, value: { ms: 1000 } });
    } finally {
      await service.dispose();
    }
  });
});

describe('allowPermission', () => {
  it('grants only clipboard writing, only to our renderer', async () => {
    const { allowPermission } = await import('../../../src/main/electron/permission-policy');
    const trusted = { fileUrl: 'file:///app/out/renderer/index.html' };
    const own = 'file:///app/out/renderer/index.html';
    expect(allowPermission('clipboard-sanitized-write', own, trusted)).toBe(true);
    expect(allowPermission('clipboard-sanitized-write', 'https://evil.example/', trusted)).toBe(false);
    for (const permission of ['clipboard-read', 'media', 'geolocation', 'notifications', 'openExternal', 'hid', 'serial', 'usb', 'fullscreen']) {
      expect(allowPermission(permission, own, trusted), permission).toBe(false);
    }
  });
});
