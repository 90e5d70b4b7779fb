/**
 * Windows: Win32_Process for the parent table (with creation times, because parent pids are reused),
 * taskkill for signals (without /F it is a close request; /F forces), UAC via Start-Process -Verb RunAs.
 * Never `taskkill /T`: it follows stale parent pids.
 */
import { runTool } from '../lib/exec';
import { parseWindowsProcessLines } from './proc-parse';
import { signalZeroStatus, type ProcessOps, type SignalAttempt, type SignalMode } from './process-ops';
import { POWERSHELL_ARGS } from './elevation';
import { TASKKILL_NOT_FOUND, elevatedSignal, taskkillArgs } from './elevated-signal';


const TABLE_SCRIPT =
  "Get-CimInstance Win32_Process | ForEach-Object { \"$($_.ProcessId)`t$($_.ParentProcessId)`t$(if ($_.CreationDate) { $_.CreationDate.ToFileTimeUtc() })`t$($_.Name)\" }";

async function taskkill(pid: number, mode: SignalMode): Promise<SignalAttempt> {
  const out = await runTool('taskkill', taskkillArgs(pid, mode));
  if (!out) return { result: 'failed', detail: 'taskkill.exe is missing' };
  if (out.exitCode === 0) return { result: 'sent' };
  if (out.exitCode === TASKKILL_NOT_FOUND) return { result: 'gone' };
  const text = out.stderr.toString('latin1').trim();
  // Graceful failures are usually "can only be terminated forcefully" (no window to close): let the caller force.
  if (mode === 'graceful') return { result: 'failed', detail: text };
  return { result: 'denied', detail: text };
}

export function windowsProcessOps(): ProcessOps {
  return {
    rightsName: 'administrator',
    async table() {
      const out = await runTool('powershell', [...POWERSHELL_ARGS, '-Command', TABLE_SCRIPT], { timeoutMs: 30_000 });
      return out ? parseWindowsProcessLines(out.stdout.toString('utf8')) : [];
    },
    status: async (pid) => signalZeroStatus(pid),
    signal: taskkill,
    signalElevated: (pid, mode, startKey) => elevatedSignal('win32', pid, mode, startKey ?? null),
    async supervisor(_pid, facts) {
      const service = facts?.services[0];
      return service ? { kind: 'windows-service', name: `Windows service ${service}`, stopCommand: ['sc', 'stop', service] } : null;
    },
    facts: async () => null,
    async privileged() {
      // `net session` succeeds only in an elevated process.
      const out = await runTool('net', ['session']).catch(() => null);
      return out?.exitCode === 0;
    },
  };
}
