import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { menuTemplate, type MenuEntry } from '../../../src/main/electron/menu-template';
import { appPaths } from '../../../src/main/electron/app-paths';

const labels = (entries: MenuEntry[]): string[] => entries.filter((e) => !e.separator).map((e) => e.label);

describe('menu template', () => {
  const menu = menuTemplate(2000, false);

  it('has File, View and Help with the expected items', () => {
    expect(labels(menu)).toEqual(['File', 'View', 'Help']);
    expect(labels(menu[0].submenu!)).toEqual(['Export…', 'Quit']);
    expect(labels(menu[1].submenu!)).toEqual(['Refresh interval', 'Toggle theme', 'Reload']);
    expect(labels(menu[2].submenu!)).toEqual(['About PortScope']);
  });

  it('checks the current refresh interval and offers pause, 1, 2, 5 s', () => {
    const intervals = menu[1].submenu![0].submenu!;
    expect(intervals.map((e) => e.action)).toEqual([0, 1000, 2000, 5000].map((ms) => ({ kind: 'poll-interval', ms })));
    expect(intervals.filter((e) => e.checked).map((e) => e.label)).toEqual(['Every 2 seconds']);
  });
});

describe('appPaths', () => {
  it('points at the CJS preload and the built renderer, trusted as a file', () => {
    const paths = appPaths({}, '/app/out/main');
    expect(paths.preload).toBe(path.join('/app/out/preload/index.cjs'));
    expect(paths.rendererFile).toBe(path.join('/app/out/renderer/index.html'));
    expect(paths.trusted.fileUrl).toBe('file:///app/out/renderer/index.html');
    expect(paths.devServerUrl).toBeNull();
  });

  it('uses the dev server in npm start', () => {
    const paths = appPaths({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, '/app/out/main');
    expect(paths.devServerUrl).toBe('http://localhost:5173');
    expect(paths.trusted).toEqual({ devOrigin: 'http://localhost:5173' });
  });
});
