/**
 * Which frames may call the API over IPC: only the top frame showing our own renderer — the built
 * index.html (file://) or, in `npm start`, the electron-vite dev server origin. Pure, no Electron.
 */
export interface TrustedRenderer {
  /** file:// URL of out/renderer/index.html in a built app. */
  fileUrl?: string;
  /** http://localhost:5173-style origin in development. */
  devOrigin?: string;
}

export function isTrustedSender(frameUrl: string | undefined, isTopFrame: boolean, trusted: TrustedRenderer): boolean {
  if (!frameUrl || !isTopFrame) return false;
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  if (trusted.fileUrl && url.protocol === 'file:') {
    const expected = new URL(trusted.fileUrl);
    return url.pathname === expected.pathname;
  }
  if (trusted.devOrigin && (url.protocol === 'http:' || url.protocol === 'https:')) {
    return url.origin === new URL(trusted.devOrigin).origin;
  }
  return false;
}
