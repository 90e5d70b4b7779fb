import { describe, expect, it } from 'vitest';
import { localRowAnnotator, catalogContext, catalogContextNow, currentPlatform, DEFAULT_EPHEMERAL_RANGES } from '../../../src/main/catalog/index';
import type { SocketRow } from '../../../src/shared/types';

describe('catalogContext on this machine', () => {
  it('reports the platform and a sane ephemeral range, read once', async () => {
    const first = await catalogContext();
    const platform = currentPlatform();
    if (platform) expect(first.platform).toBe(platform);
    if (first.ephemeralRange) {
      expect(first.ephemeralRange.low).toBeGreaterThanOrEqual(1);
      expect(first.ephemeralRange.high).toBeLessThanOrEqual(65535);
      expect(first.ephemeralRange.low).toBeLessThanOrEqual(first.ephemeralRange.high);
    }
    if (first.ephemeralSource === 'default') expect(first.ephemeralRange).toEqual(DEFAULT_EPHEMERAL_RANGES[first.platform]);
    expect(await catalogContext()).toBe(first);
  });
});

describe('catalogContextNow and localRowAnnotator', () => {
  it('answers synchronously and settles on the read context', async () => {
    const now = catalogContextNow();
    expect(now.platform).toBe(currentPlatform() ?? 'linux');
    const read = await catalogContext();
    expect(catalogContextNow()).toBe(read);
  });

  it('annotates rows in place for the engine hook', () => {
    const rows: SocketRow[] = [
      {
        id: '1', protocol: 'tcp', family: 4, localAddress: '0.0.0.0', localPort: 22, localScope: null, remoteAddress: null, remotePort: null,
        remoteScope: null, state: 'LISTEN', owners: [], uid: null, ownerHidden: null, dualStack: null, pid: 812, processName: 'sshd',
        services: [], user: null, processPath: null, processCommand: null, processStarted: null, meaning: null,
      },
    ];
    localRowAnnotator.annotate(rows, rows, localRowAnnotator.tableKeys(rows));
    expect(rows[0]?.meaning?.name).toBe('SSH');
    expect(rows[0]?.ownerVerdict?.verdict).toBe('expected');
    expect(localRowAnnotator.contextKey()).toMatch(/^(linux|win32|darwin)(:\d+-\d+)?$/);
  });
});
