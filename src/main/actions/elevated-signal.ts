/** Send one signal through the OS's elevation prompt (see elevation.ts). */
import { elevatedCommand, elevationDeclined, runElevated } from './elevation';
import type { SignalAttempt, SignalMode } from './process-ops';

/** taskkill without /F asks the process to close (WM_CLOSE); /F ends it. Never /T (stale parent pids). */
export function taskkillArgs(pid: number, mode: SignalMode): string[] {
  return mode === 'force' ? ['/F', '/PID', String(Math.trunc(pid))] : ['/PID', String(Math.trunc(pid))];
}

export function elevatedSignalArgv(platform: NodeJS.Platform, pid: number, mode: SignalMode): { file: string; args: string[] } {
  if (platform === 'win32') return { file: 'taskkill.exe', args: taskkillArgs(pid, mode) };
  return { file: '/bin/kill', args: [mode === 'force' ? '-KILL' : '-TERM', String(Math.trunc(pid))] };
}

export async function elevatedSignal(platform: NodeJS.Platform, pid: number, mode: SignalMode): Promise<SignalAttempt> {
  const { file, args } = elevatedSignalArgv(platform, pid, mode);
  const out = await runElevated(platform, file, args);
  if (!out) return { result: 'failed', detail: `${elevatedCommand(platform, file, args).tool} is not available: run PortScope with administrator/root rights instead` };
  if (out.exitCode === 0) return { result: 'sent' };
  if (elevationDeclined(platform, out)) return { result: 'denied', detail: 'the administrator prompt was declined' };
  return { result: 'failed', detail: out.stderr.toString('utf8').trim() || `exit ${out.exitCode}` };
}
