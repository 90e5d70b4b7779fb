/**
 * Send one signal through the OS's elevation prompt (see elevation.ts). The prompt can take minutes, so
 * with a fingerprint the elevated helper itself re-checks the process's start time right before the
 * signal: Linux compares /proc/<pid>/stat field 22 (starttime), Windows Win32_Process.CreationDate.
 * Untrusted text never reaches a shell: the Linux script is a constant with the values as its argv;
 * the Windows script only embeds integers that this module formatted itself.
 */
import { POWERSHELL_ARGS, elevatedCommand, elevationDeclined, runElevated } from './elevation';
import type { SignalAttempt, SignalMode } from './process-ops';
import { encodePowerShell } from './close-parse';

/** taskkill's exit code for "process not found" (the Windows helper passes taskkill's code through). */
export const TASKKILL_NOT_FOUND = 128;

/** Exit codes of the checking helpers (clear of pkexec's 126/127 and TASKKILL_NOT_FOUND). */
export const HELPER_EXIT = { gone: 3, stale: 4, failed: 5 } as const;

/** taskkill without /F asks the process to close (WM_CLOSE); /F ends it. Never /T (stale parent pids). */
export function taskkillArgs(pid: number, mode: SignalMode): string[] {
  return mode === 'force' ? ['/F', '/PID', String(Math.trunc(pid))] : ['/PID', String(Math.trunc(pid))];
}

/**
 * Run by pkexec as `/bin/sh -c SCRIPT portscope-signal <pid> <starttime> <TERM|KILL>`. Field 22 of
 * /proc/<pid>/stat is the 20th word after the last `)` (the command name may hold spaces and parentheses).
 */
export const LINUX_CHECKED_SIGNAL_SCRIPT = [
  'pid=$1 key=$2 sig=$3',
  `stat=$(/bin/cat "/proc/$pid/stat" 2>/dev/null) || exit ${HELPER_EXIT.gone}`,
  'set -f',
  'set -- ${stat##*)}',
  `[ "$#" -ge 20 ] || exit ${HELPER_EXIT.gone}`,
  'shift 19',
  `[ "$1" = "$key" ] || exit ${HELPER_EXIT.stale}`,
  `kill -s "$sig" "$pid" || exit ${HELPER_EXIT.failed}`,
].join('\n');

const digits = (text: string): string => {
  if (!/^\d+$/.test(text)) throw new Error(`not a decimal integer: ${JSON.stringify(text)}`);
  return text;
};

/** A Windows startKey (the ISO CreationDate) as epoch milliseconds, or null when it is not a date. */
export function windowsStartMs(startKey: string): number | null {
  const ms = Date.parse(startKey);
  return Number.isFinite(ms) && ms >= 0 ? Math.floor(ms) : null;
}

/** The PowerShell the UAC prompt runs: compare CreationDate (±1 ms: the engine's key is ms-precise), then taskkill. */
export function windowsCheckedSignalScript(pid: number, mode: SignalMode, startMs: number): string {
  const p = digits(String(Math.trunc(pid)));
  const expected = digits(String(Math.trunc(startMs)));
  return [
    "$ErrorActionPreference = 'Stop'",
    'try {',
    `  $p = Get-CimInstance -ClassName Win32_Process -Filter 'ProcessId = ${p}'`,
    `  if (-not $p) { exit ${HELPER_EXIT.gone} }`,
    `  if (-not $p.CreationDate) { exit ${HELPER_EXIT.failed} }`,
    '  $epoch = New-Object DateTime 1970, 1, 1, 0, 0, 0, ([DateTimeKind]::Utc)',
    '  $ms = [long][Math]::Floor(($p.CreationDate.ToUniversalTime() - $epoch).TotalMilliseconds)',
    `  if ([Math]::Abs($ms - ${expected}) -gt 1) { exit ${HELPER_EXIT.stale} }`,
    `  & (Join-Path $env:SystemRoot 'System32\\taskkill.exe') ${taskkillArgs(Number(p), mode).join(' ')}`,
    '  exit $LASTEXITCODE',
    `} catch { exit ${HELPER_EXIT.failed} }`,
  ].join('\n');
}

/** What the elevation prompt runs (before elevation.ts wraps it in pkexec / osascript / Start-Process -Verb RunAs). */
export function elevatedSignalArgv(platform: NodeJS.Platform, pid: number, mode: SignalMode, startKey: string | null = null): { file: string; args: string[] } {
  const p = String(Math.trunc(pid));
  if (platform === 'win32') {
    if (startKey === null) return { file: 'taskkill.exe', args: taskkillArgs(pid, mode) };
    const ms = windowsStartMs(startKey);
    if (ms === null) throw new Error(`cannot re-check the start time "${startKey}"`);
    const encoded = encodePowerShell(windowsCheckedSignalScript(pid, mode, ms));
    return { file: 'powershell.exe', args: [...POWERSHELL_ARGS, '-EncodedCommand', encoded] };
  }
  const sig = mode === 'force' ? 'KILL' : 'TERM';
  if (platform === 'linux' && startKey !== null) {
    return { file: '/bin/sh', args: ['-c', LINUX_CHECKED_SIGNAL_SCRIPT, 'portscope-signal', p, digits(startKey), sig] };
  }
  // macOS (no start-time re-check yet) and Linux without a fingerprint: the plain signal.
  return { file: '/bin/kill', args: [`-${sig}`, p] };
}

export async function elevatedSignal(platform: NodeJS.Platform, pid: number, mode: SignalMode, startKey: string | null = null): Promise<SignalAttempt> {
  let argv: { file: string; args: string[] };
  try {
    argv = elevatedSignalArgv(platform, pid, mode, startKey);
  } catch (error) {
    return { result: 'failed', detail: `not signalled: ${error instanceof Error ? error.message : String(error)}` };
  }
  const { file, args } = argv;
  // elevatedSignalArgv runs a start-time-checking helper exactly then (else the plain signal)
  const checked = startKey !== null && (platform === 'linux' || platform === 'win32');
  const out = await runElevated(platform, file, args);
  if (!out) return { result: 'failed', detail: `${elevatedCommand(platform, file, args).tool} is not available: run PortScope with administrator/root rights instead` };
  if (out.exitCode === 0) return { result: 'sent' };
  if (elevationDeclined(platform, out)) return { result: 'denied', detail: 'the administrator prompt was declined' };
  const stderr = out.stderr.toString('utf8').trim();
  if (checked && out.exitCode === HELPER_EXIT.stale) return { result: 'stale', detail: 'the start time changed before the signal: the pid now belongs to a different process' };
  if ((checked && out.exitCode === HELPER_EXIT.gone) || (platform === 'win32' && out.exitCode === TASKKILL_NOT_FOUND) || /no such process/i.test(stderr)) return { result: 'gone' };
  return { result: 'failed', detail: stderr || `exit ${out.exitCode}` };
}
