import { describe, expect, it } from 'vitest';
import { catalogContext, currentPlatform, DEFAULT_EPHEMERAL_RANGES } from '../../../src/main/catalog/index';

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
