/**
 * Which web permissions the renderer gets: none, except writing text to the clipboard (copy row /
 * copy cell) from our own renderer. Camera, microphone, notifications, geolocation, clipboard *read*,
 * HID/serial/USB and the rest are refused. Pure, no Electron.
 */
import { isTrustedSender, type TrustedRenderer } from './trusted-sender';

const ALLOWED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write'];

export function allowPermission(permission: string, requestingUrl: string | undefined, trusted: TrustedRenderer): boolean {
  return ALLOWED_PERMISSIONS.includes(permission) && isTrustedSender(requestingUrl, true, trusted);
}
