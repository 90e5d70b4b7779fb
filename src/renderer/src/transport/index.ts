/**
 * The renderer's one way to main: `getApi()` gives PortScopeApi — the Electron preload's bridge when
 * running in the app, otherwise the web client talking to `portscope web`.
 */
import type { PortScopeApi } from '../../../shared/api';
// The window.portscope declaration, for every program that compiles this file (web and tests).
import type {} from './window';
import { takeToken } from './token';
import { createWebClient, type TransportStatus } from './web-client';

export type { TransportStatus } from './web-client';

let api: PortScopeApi | null = null;
const statusListeners = new Set<(status: TransportStatus) => void>();
// The web client connects as soon as the page subscribes, so it starts out 'connecting', not 'closed'.
let lastStatus: TransportStatus = 'connecting';

export function getApi(): PortScopeApi {
  api ??= window.portscope ?? createBrowserClient();
  return api;
}

/** True when the page runs in a browser via `portscope web` (no Electron bridge). */
export function isWebFace(): boolean {
  return window.portscope === undefined;
}

/**
 * Push-channel status for a "reconnecting…" hint in the web face. The Electron bridge never drops, so
 * there it stays 'open'. Returns the unsubscribe function; the handler gets the current status at once.
 */
export function onTransportStatus(handler: (status: TransportStatus) => void): () => void {
  statusListeners.add(handler);
  handler(isWebFace() ? lastStatus : 'open');
  return () => statusListeners.delete(handler);
}

function createBrowserClient(): PortScopeApi {
  const token = takeToken({ location: window.location, history: window.history, storage: sessionStorageOrNull() });
  return createWebClient({
    origin: window.location.origin,
    token,
    onStatus: (status) => {
      lastStatus = status;
      for (const listener of statusListeners) listener(status);
    },
  });
}

/** sessionStorage throws when the browser blocks storage; then the token lives in memory only. */
function sessionStorageOrNull(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}
