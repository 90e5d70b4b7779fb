/**
 * Electron entry: a list of setups. The only code that imports electron lives in this folder; the
 * service, settings and web pieces it uses are plain Node.
 */
import path from 'node:path';
import { app, BrowserWindow, shell } from 'electron';
import { createService } from '../service/index';
import { nodeSettingsFiles, openSettingsStore } from '../settings/settings-store';
import { appPaths } from './app-paths';
import { setupIpc } from './ipc';
import { setupMenu } from './menu';
import { setupSecurity } from './security';
import { createMainWindow } from './window';

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  const paths = appPaths();
  const dataDir = app.getPath('userData');
  const settings = await openSettingsStore(path.join(dataDir, 'settings.json'), await nodeSettingsFiles());
  const service = createService({
    pollIntervalMs: settings.get().pollIntervalMs,
    dataDir,
    openPath: async (target) => {
      shell.showItemInFolder(target);
      return true;
    },
  });
  let window: BrowserWindow | null = null;
  const getWindow = (): BrowserWindow | null => window;

  const disposers = [
    setupSecurity(paths.trusted),
    setupIpc(service, getWindow, paths.trusted),
    setupMenu(service, getWindow),
    service.subscribe((event) => {
      if (event.type === 'poll-interval') settings.update({ pollIntervalMs: event.ms });
    }),
  ];

  const openWindow = (): void => {
    window = createMainWindow(paths, settings);
    // No window, no polling; the interval stays as chosen and resumes with the next window's first list.
    window.on('closed', () => {
      window = null;
      service.engine.stop();
    });
  };
  service.engine.collectAhead(); // the first poll runs while the window loads
  openWindow();

  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let quitting = false;
  app.on('will-quit', (event) => {
    if (quitting) return;
    quitting = true;
    event.preventDefault();
    for (const dispose of disposers) dispose();
    void Promise.allSettled([service.dispose(), settings.flush()]).then(() => app.quit());
  });
}

void start();
