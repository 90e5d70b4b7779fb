/**
 * IPC from the one method table: a handler per API method, each going through the sender gate of
 * ipc-router.ts to service.dispatch. Push events go to the window on one channel.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { API_METHODS } from '../../shared/api';
import type { PortScopeService } from '../service/index';
import { invokeChannel, PUSH_CHANNEL } from './ipc-channels';
import { createIpcRoute } from './ipc-router';
import type { TrustedRenderer } from './trusted-sender';

export function setupIpc(service: PortScopeService, getWindow: () => BrowserWindow | null, trusted: TrustedRenderer): () => void {
  const route = createIpcRoute(service, trusted);
  for (const method of API_METHODS) {
    ipcMain.handle(invokeChannel(method), (event: IpcMainInvokeEvent, input: unknown) => {
      const frame = event.senderFrame;
      return route(method, { url: frame?.url, isTopFrame: frame !== null && frame.parent === null }, input);
    });
  }
  const unsubscribe = service.subscribe((event) => sendToWindow(getWindow(), event));
  return () => {
    unsubscribe();
    for (const method of API_METHODS) ipcMain.removeHandler(invokeChannel(method));
  };
}

/** Push to the renderer if the window is still there. */
export function sendToWindow(window: BrowserWindow | null, payload: unknown): void {
  if (window && !window.isDestroyed() && !window.webContents.isDestroyed()) window.webContents.send(PUSH_CHANNEL, payload);
}
