/** The application menu: the data of menu-template.ts bound to behaviour. */
import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { PortScopeService } from '../service/index';
import { sendToWindow } from './ipc';
import { menuTemplate, type MenuAction, type MenuEntry } from './menu-template';

export function setupMenu(service: PortScopeService, getWindow: () => BrowserWindow | null): () => void {
  const rebuild = (): void => {
    const toItem = (entry: MenuEntry): MenuItemConstructorOptions => {
      if (entry.separator) return { type: 'separator' };
      return {
        label: entry.label,
        accelerator: entry.accelerator,
        type: entry.radio ? 'radio' : undefined,
        checked: entry.checked,
        submenu: entry.submenu?.map(toItem),
        click: entry.action ? () => void run(entry.action!) : undefined,
      };
    };
    const template = menuTemplate(service.engine.intervalMs(), process.platform === 'darwin').map(toItem);
    if (process.platform === 'darwin') template.unshift({ role: 'appMenu' });
    template.splice(process.platform === 'darwin' ? 2 : 1, 0, { role: 'editMenu' });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };

  const run = async (action: MenuAction): Promise<void> => {
    const window = getWindow();
    switch (action.kind) {
      case 'command':
        // The renderer owns the visible rows and the theme; it acts on the command.
        sendToWindow(window, { type: 'menu', command: action.command });
        return;
      case 'poll-interval':
        await service.dispatch('setPollInterval', { ms: action.ms });
        rebuild();
        return;
      case 'reload':
        window?.webContents.reload();
        return;
      case 'about': {
        const options = {
          type: 'info' as const,
          title: 'About PortScope',
          message: `PortScope ${app.getVersion()}`,
          detail: 'Every TCP/UDP socket and the process that owns it.\nElectron ' + process.versions.electron,
        };
        await (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
        return;
      }
      case 'quit':
        app.quit();
        return;
    }
  };

  rebuild();
  const unsubscribe = service.subscribe((event) => {
    if (event.type === 'poll-interval') rebuild();
  });
  return unsubscribe;
}
