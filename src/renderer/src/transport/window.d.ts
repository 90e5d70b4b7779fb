/** What the Electron preload exposes (src/preload/index.ts): the one PortScopeApi, nothing else. */
import type { PortScopeApi } from '../../../shared/api';

declare global {
  interface Window {
    /** Present only inside the Electron app; the browser face uses the web client instead. */
    portscope?: PortScopeApi;
  }
}

export {};
