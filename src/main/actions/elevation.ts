/**
 * Elevation for one action only: the OS prompt runs one helper command with more rights; PortScope
 * itself is never relaunched. Linux: pkexec (polkit asks). macOS: osascript's administrator prompt.
 * Windows: Start-Process -Verb RunAs (UAC) for the helper, waiting for its exit code.
 */
import { runTool, type ExecOutput } from '../lib/exec';

export interface ElevatedCommand {
  tool: string;
  args: string[];
}

const POSIX_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Single-quote one argument for /bin/sh (used inside osascript's `do shell script`). */
export function shellQuote(arg: string): string {
  return POSIX_SAFE.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** Quote a string for AppleScript. */
const appleQuote = (text: string): string => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** PowerShell single-quoted literal. */
const psQuote = (text: string): string => `'${text.replace(/'/g, "''")}'`;

export const POWERSHELL_ARGS = ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass'];

/** The argv that asks for rights and runs `file args…` once, per platform. */
export function elevatedCommand(platform: NodeJS.Platform, file: string, args: readonly string[]): ElevatedCommand {
  if (platform === 'win32') {
    const list = args.length > 0 ? ` -ArgumentList ${args.map(psQuote).join(',')}` : '';
    const script = `$p = Start-Process -FilePath ${psQuote(file)}${list} -Verb RunAs -WindowStyle Hidden -Wait -PassThru; exit $p.ExitCode`;
    return { tool: 'powershell', args: [...POWERSHELL_ARGS, '-Command', script] };
  }
  if (platform === 'darwin') {
    const shell = [file, ...args].map(shellQuote).join(' ');
    return { tool: 'osascript', args: ['-e', `do shell script ${appleQuote(shell)} with administrator privileges`] };
  }
  return { tool: 'pkexec', args: [file, ...args] };
}

/** Run one command elevated; null when the elevation tool is missing. Waits for the user's answer (2 min max). */
export async function runElevated(platform: NodeJS.Platform, file: string, args: readonly string[]): Promise<ExecOutput | null> {
  const command = elevatedCommand(platform, file, args);
  return runTool(command.tool, command.args, { timeoutMs: 120_000 });
}

/** The user declined or could not authenticate (pkexec 126/127, osascript -128, UAC cancel). */
export function elevationDeclined(platform: NodeJS.Platform, out: ExecOutput): boolean {
  const text = out.stderr.toString('utf8');
  if (platform === 'darwin') return /-128|cancel/i.test(text);
  if (platform === 'win32') return /cancel|1223/i.test(text);
  return out.exitCode === 126 || out.exitCode === 127;
}
