/**
 * Which OS the UI runs on, from the browser's own report (Electron's renderer, or the browser opened on
 * the same machine by `portscope web`). Used to disable actions the OS cannot do before they are tried;
 * main still refuses them itself, so a wrong guess only changes when the reason is shown.
 */
export type HostPlatform = 'mac' | 'windows' | 'linux' | 'other';

interface NavigatorLike {
  userAgent?: string;
  platform?: string;
  userAgentData?: { platform?: string };
}

export function detectPlatform(nav: NavigatorLike | undefined): HostPlatform {
  if (!nav) return 'other';
  const text = `${nav.userAgentData?.platform ?? ''} ${nav.platform ?? ''} ${nav.userAgent ?? ''}`.toLowerCase();
  // iPhone/iPad user agents also say "like Mac OS X"; PortScope does not run there.
  if (/\bmac|darwin/.test(text) && !/iphone|ipad/.test(text)) return 'mac';
  if (/\bwin/.test(text)) return 'windows';
  if (/linux|x11/.test(text)) return 'linux';
  return 'other';
}
