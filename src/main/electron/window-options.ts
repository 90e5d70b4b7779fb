/**
 * The main window's BrowserWindow options in one place, free of Electron imports (type-only), so a
 * plain-Node test asserts the security settings: isolation, sandbox, no Node in the page, web security,
 * no insecure content, no webviews, no remote module-style shortcuts.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  enableBlinkFeatures: '',
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: false,
} as const satisfies WebPreferences;

const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 } as const;

/** Options for the main window; `preload` is the built CJS preload (out/preload/index.cjs). */
export function mainWindowOptions(preload: string, bounds?: { x: number; y: number; width: number; height: number } | null): BrowserWindowConstructorOptions {
  return {
    ...(bounds ?? DEFAULT_WINDOW_SIZE),
    minWidth: 720,
    minHeight: 420,
    title: 'PortScope',
    // Shown on ready-to-show: no white flash before the first paint.
    show: false,
    autoHideMenuBar: false,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload },
  };
}
