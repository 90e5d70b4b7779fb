/**
 * IPC from the one method table: a handler per API method, each checking that the sender is our own
 * renderer's top frame before handing the payload to service.dispatch (which validates it with zod).
 * Push events go to the window on one channel.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { API_METHODS } from '../../shared/api';
import { err } from '../../shared/result';
import type { PortScopeService } from '../service/index';
import { invokeChannel, PUSH_CHANNEL } from './ipc-channels';
import { isTrustedSender, type TrustedRenderer } from './trusted-sender';

export function setupIpc(service: PortScopeService, getWindow: () => BrowserWindow | null, trusted: TrustedRenderer): () => void {
  for (const method of API_METHODS) {
    ipcMain.handle(invokeChannel(method), (event: IpcMainInvokeEvent, input: unknown) => {
      const frame = event.senderFrame;
      if (!isTrustedSender(frame?.url, frame !== null && frame.parent === null, trusted)) {
        return err('PERMISSION_DENIED', 'IPC refused: the request did not come from the PortScope window.');
      }
      return service.dispatch(method, input);
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
