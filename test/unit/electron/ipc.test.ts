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
