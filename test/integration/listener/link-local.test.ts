/**
 * Link-local IPv6 (fe80::) without its %zone: bind() fails with EINVAL. The explanation says a zone is
 * needed and names this machine's scoped address, and the free-port suggestion is still found (probed
 * on the wildcard address, as for an address that is not local). Nothing is sent over the network.
 */
import { describe, expect, it } from 'vitest';
import { explainFailedBind, type BindFactSources } from '../../../src/main/listener/bind-facts';
import { createListenerManager } from '../../../src/main/listener/listener-manager';
import { localAddresses } from '../../../src/main/listener/local-addresses';
import { freePort } from './helpers';

const sources = (addresses: string[]): BindFactSources => ({
  platform: process.platform,
  rows: async () => [],
  excludedRanges: async () => [],
  unprivilegedPortStart: async () => 1024,
  localAddresses: () => addresses,
});

const linkLocal = localAddresses().find((a) => a.family === 6 && /^fe80:/i.test(a.address) && a.scope !== undefined);
if (!linkLocal) console.warn('link-local: this machine has no fe80:: address; the listener check is skipped');

describe('link-local IPv6 without a zone', () => {
  it('EINVAL: still suggests a free port (probed on the wildcard), and explains the zone', async () => {
    const port = await freePort('tcp', '::1');
    const failure = await explainFailedBind('EINVAL', { port, protocol: 'tcp', host: 'fe80::1' }, sources(['127.0.0.1', 'fe80::1%eth0']));
    expect(failure.cause).toBe('link-local-zone');
    expect(failure.message).toContain('fe80::1%eth0');
    expect(failure.suggestedPort).not.toBeNull();
  });

  it.skipIf(!linkLocal)('the listener manager explains a bare fe80:: bind with the scoped address to use', async () => {
    const scoped = linkLocal?.address ?? '';
    const bare = scoped.split('%')[0] ?? '';
    const manager = createListenerManager({
      onChange: () => undefined,
      facts: sources(localAddresses().map((a) => a.address)),
      localAddresses,
    });
    const result = await manager.start({ port: await freePort('tcp', '::1'), protocol: 'tcp', host: bare, reply: { kind: 'silent' } });
    await manager.dispose();
    expect(result.ok && 'bindFailure' in result.value).toBe(true);
    if (!result.ok || !('bindFailure' in result.value)) return;
    const failure = result.value.bindFailure;
    expect(failure.errno).toBe('EINVAL');
    expect(failure.cause).toBe('link-local-zone');
    expect(failure.message).toContain(scoped);
    expect(failure.suggestedPort).not.toBeNull();
  });
});
