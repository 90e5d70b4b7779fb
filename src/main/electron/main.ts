/** Electron entry. STUB — the desktop area builds the hardened window, IPC registration and menu. */
import { app } from 'electron';

app.whenReady().then(() => {
  // The window arrives with the desktop issue (#4).
});
