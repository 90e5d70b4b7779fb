/**
 * Processes PortScope refuses to end, whatever the user clicks: ending them crashes the OS, logs the
 * user out, or kills PortScope / the shell that called it. Pure: the caller supplies the facts.
 */
export interface ProtectionContext {
  platform: NodeJS.Platform;
  /** PortScope's own pid. */
  selfPid: number;
  /** PortScope's parent chain (its launcher, the caller's shell, the terminal, …). */
  selfAncestors: readonly number[];
}

export interface ProtectionSubject {
  pid: number;
  name: string | null;
  /** Windows services hosted by the process (svchost.exe). */
  services: readonly string[];
}

/** Never end these pids on any OS: 0 (kernel idle / swapper), 1 (init, launchd), 4 (Windows System). */
const PROTECTED_PIDS: Record<number, string> = {
  0: 'pid 0 is the kernel (System Idle / swapper)',
  1: 'pid 1 is the init process (systemd / launchd); ending it brings the whole system down',
  4: 'pid 4 is the Windows kernel (System) or a kernel thread',
};

const CRITICAL_NAMES: Partial<Record<NodeJS.Platform, readonly string[]>> = {
  linux: ['init', 'systemd', 'kthreadd'],
  darwin: ['launchd', 'kernel_task', 'WindowServer', 'loginwindow'],
  win32: [
    'system',
    'system idle process',
    'idle',
    'registry',
    'memory compression',
    'secure system',
    'smss.exe',
    'csrss.exe',
    'wininit.exe',
    'winlogon.exe',
    'services.exe',
    'lsass.exe',
    'lsaiso.exe',
  ],
};

/** svchost groups whose end is a blue screen / instant reboot. */
export const CRITICAL_SERVICES = ['rpcss', 'dcomlaunch', 'rpceptmapper'];

/** Why `subject` must not be ended, or null when it may be. */
export function protectedReason(subject: ProtectionSubject, ctx: ProtectionContext): string | null {
  const known = PROTECTED_PIDS[subject.pid];
  if (known) return known;
  if (subject.pid === ctx.selfPid) return `pid ${subject.pid} is PortScope itself`;
  if (ctx.selfAncestors.includes(subject.pid)) {
    return `pid ${subject.pid}${subject.name ? ` (${subject.name})` : ''} started PortScope (its parent chain: the shell, terminal or launcher); ending it would end PortScope too`;
  }
  const name = (subject.name ?? '').toLowerCase();
  const critical = CRITICAL_NAMES[ctx.platform] ?? [];
  if (name && critical.some((c) => c.toLowerCase() === name)) {
    return `${subject.name} (pid ${subject.pid}) is a critical system process; ending it crashes or restarts the system`;
  }
  if (ctx.platform === 'win32' && name === 'svchost.exe') {
    const hits = subject.services.filter((s) => CRITICAL_SERVICES.includes(s.toLowerCase()));
    if (hits.length > 0) return `svchost.exe (pid ${subject.pid}) hosts ${hits.join(' and ')}; ending it makes Windows restart`;
  }
  return null;
}
