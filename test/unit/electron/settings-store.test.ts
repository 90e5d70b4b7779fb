import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, openSettingsStore, parseSettings, visibleBounds, type SettingsFiles } from '../../../src/main/settings/settings-store';

function memoryFiles(initial: string | null): SettingsFiles & { written: string[] } {
  const written: string[] = [];
  return {
    written,
    read: async () => initial,
    write: async (_path, text) => void written.push(text),
  };
}

describe('parseSettings', () => {
  it('gives defaults for a missing, damaged or foreign file', () => {
    for (const text of [null, '', '{', '[]', '"x"', '42']) expect(parseSettings(text)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid fields, replaces invalid ones, drops unknown keys', () => {
    const parsed = parseSettings(
      JSON.stringify({ pollIntervalMs: -5, window: { x: 1, y: 2, width: 900, height: 700, maximized: false }, evil: true }),
    );
    expect(parsed).toEqual({ pollIntervalMs: 2000, window: { x: 1, y: 2, width: 900, height: 700, maximized: false } });
    expect(parseSettings(JSON.stringify({ window: { x: 0, y: 0, width: 10, height: 10, maximized: false } })).window).toBeNull();
    expect(parseSettings(JSON.stringify({ pollIntervalMs: 'fast' })).pollIntervalMs).toBe(2000);
    expect(parseSettings(JSON.stringify({ pollIntervalMs: 5000 })).pollIntervalMs).toBe(5000);
  });
});

describe('openSettingsStore', () => {
  it('coalesces updates into one write and flushes on demand', async () => {
    vi.useFakeTimers();
    try {
      const files = memoryFiles(JSON.stringify({ pollIntervalMs: 0 }));
      const store = await openSettingsStore('/x/settings.json', files, 500);
      expect(store.get().pollIntervalMs).toBe(0);
      store.update({ pollIntervalMs: 1000 });
      store.update({ pollIntervalMs: 5000 });
      expect(files.written).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(500);
      expect(files.written).toHaveLength(1);
      expect(JSON.parse(files.written[0])).toEqual({ window: null, pollIntervalMs: 5000 });
      store.update({ pollIntervalMs: 1000 });
      await store.flush();
      expect(files.written).toHaveLength(2);
      await store.flush();
      expect(files.written).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('survives a failing read and a failing write', async () => {
    const store = await openSettingsStore('/x', {
      read: async () => {
        throw new Error('EACCES');
      },
      write: async () => {
        throw new Error('EROFS');
      },
    });
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    store.update({ pollIntervalMs: 1000 });
    await expect(store.flush()).resolves.toBeUndefined();
  });
});

describe('visibleBounds', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];
  it('restores bounds that are on a screen and forgets ones that are not', () => {
    const onScreen = { x: 100, y: 100, width: 1000, height: 700 };
    expect(visibleBounds(onScreen, screen)).toBe(onScreen);
    expect(visibleBounds({ x: 3000, y: 100, width: 1000, height: 700 }, screen)).toBeNull();
    expect(visibleBounds({ x: 100, y: -500, width: 1000, height: 700 }, screen)).toBeNull();
    expect(visibleBounds(null, screen)).toBeNull();
  });
});
