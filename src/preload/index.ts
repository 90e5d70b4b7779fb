/**
 * Preload (sandboxed, CommonJS): exposes exactly one object, `window.portscope`, a PortScopeApi built
 * from the shared method table over one generic invoke and one push channel. The page never sees
 * ipcRenderer itself, nor Node.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createApiClient, type PushEvent } from '../shared/api';
import { INVOKE_PREFIX, PUSH_CHANNEL } from './channels';

const handlers = new Set<(event: PushEvent) => void>();
let listening = false;

function onPush(_event: IpcRendererEvent, payload: PushEvent): void {
  for (const handler of [...handlers]) handler(payload);
}

const api = createApiClient(
  (method, input) => ipcRenderer.invoke(`${INVOKE_PREFIX}${method}`, input),
  (handler) => {
    handlers.add(handler);
    if (!listening) {
      ipcRenderer.on(PUSH_CHANNEL, onPush);
      listening = true;
    }
    return () => {
      handlers.delete(handler);
      if (handlers.size === 0 && listening) {
        ipcRenderer.removeListener(PUSH_CHANNEL, onPush);
        listening = false;
      }
    };
  },
);

contextBridge.exposeInMainWorld('portscope', api);
