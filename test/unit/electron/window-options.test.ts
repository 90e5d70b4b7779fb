/** The BrowserWindow's security settings, asserted in plain Node (window-options.ts imports electron only as types). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mainWindowOptions, SECURE_WEB_PREFERENCES } from '../../../src/main/electron/window-options';

describe('main window options', () => {
  const options = mainWindowOptions('/app/out/preload/index.cjs');
  const prefs = options.webPreferences!;

  it('isolates and sandboxes the renderer with no Node and full web security', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.enableBlinkFeatures).toBe('');
  });

  it('loads the CommonJS preload and nothing else is turned on', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(Object.keys(prefs).sort()).toEqual([...Object.keys(SECURE_WEB_PREFERENCES), 'preload'].sort());
  });

  it('uses saved bounds when given and a default size otherwise', () => {
    expect(mainWindowOptions('p', { x: 10, y: 20, width: 900, height: 700 })).toMatchObject({ x: 10, y: 20, width: 900, height: 700 });
    expect(mainWindowOptions('p')).toMatchObject({ width: 1280, height: 800, show: false });
  });

  it('imports electron as types only', () => {
    const source = readFileSync(path.resolve('src/main/electron/window-options.ts'), 'utf8');
    expect(source).toMatch(/import type \{[^}]*\} from 'electron'/);
    expect(source).not.toMatch(/^import (?!type)[^\n]*from 'electron'/m);
  });
});
