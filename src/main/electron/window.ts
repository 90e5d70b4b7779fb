/** The main window: hardened options, saved bounds restored (if still on a screen) and saved on change. */
import { BrowserWindow, screen } from 'electron';
import type { SettingsStore } from '../settings/settings-store';
import { visibleBounds } from '../settings/settings-store';
import type { AppPaths } from './app-paths';
import { mainWindowOptions } from './window-options';

export function createMainWindow(paths: AppPaths, settings: SettingsStore): BrowserWindow {
  const saved = settings.get().window;
  const displays = screen.getAllDisplays().map((d) => d.workArea);
  const bounds = visibleBounds(saved, displays);
  const window = new BrowserWindow(mainWindowOptions(paths.preload, bounds));
  if (bounds && saved?.maximized) window.maximize();

  const remember = (): void => {
    if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return;
    const maximized = window.isMaximized();
    // While maximized keep the normal bounds, so un-maximizing next time restores them.
    const { x, y, width, height } = maximized ? window.getNormalBounds() : window.getBounds();
    settings.update({ window: { x, y, width, height, maximized } });
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event as 'resize', remember);
  window.once('ready-to-show', () => window.show());

  if (paths.devServerUrl) void window.loadURL(paths.devServerUrl);
  else void window.loadFile(paths.rendererFile);
  return window;
}
