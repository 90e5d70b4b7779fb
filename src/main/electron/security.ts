/**
 * Session and web-contents hardening: a CSP header on every response, every permission refused but
 * clipboard writing (permission-policy.ts), no
 * navigation away from the renderer, no new windows, no webviews. Applied to every web contents ever
 * created, not just the main window.
 */
import { app, session, shell, type WebContents } from 'electron';
import { RENDERER_CSP } from '../web/csp';
import { allowPermission } from './permission-policy';
import { isTrustedSender, type TrustedRenderer } from './trusted-sender';

export function setupSecurity(trusted: TrustedRenderer): () => void {
  const ses = session.defaultSession;
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CSP] } });
  });
  ses.setPermissionRequestHandler((webContents, permission, callback, details) =>
    callback(allowPermission(permission, details.requestingUrl ?? webContents?.getURL(), trusted)),
  );
  ses.setPermissionCheckHandler((webContents, permission, requestingOrigin) =>
    allowPermission(permission, webContents?.getURL() ?? requestingOrigin, trusted),
  );

  const harden = (_event: Electron.Event, contents: WebContents): void => {
    contents.on('will-navigate', (event, url) => {
      if (!isTrustedSender(url, true, trusted)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isTrustedSender(url, true, trusted)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Links to documentation open in the user's browser, never inside the app.
      if (/^https:\/\//.test(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  };
  app.on('web-contents-created', harden);
  return () => {
    app.off('web-contents-created', harden);
    ses.webRequest.onHeadersReceived(null);
    ses.setPermissionRequestHandler(null);
    ses.setPermissionCheckHandler(null);
  };
}
