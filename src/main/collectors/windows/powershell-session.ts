/**
 * One long-lived PowerShell for every poll: a fresh `powershell.exe` costs 1–2.5 s, a command in a
 * warm one a fraction of that. Commands are queued (never two at once), sent as one line each
 * (base64 UTF-16LE, so quotes and newlines need no escaping), and their output is framed by a marker
 * line with a per-session nonce. A command that times out kills the process; the next one restarts it.
 */
import { randomBytes } from 'node:crypto';
import { err, ok, type Result } from '../../../shared/result';
import type { PersistentProcess } from '../../lib/exec';

export interface PowerShellSession {
  /** Run a script; its standard output (UTF-8) or an error result. Never throws. */
  run(script: string, timeoutMs?: number): Promise<Result<string>>;
  /** Stop the process (the next run starts a new one). */
  dispose(): void;
  /** How many processes were started so far (one per session unless one died or timed out). */
  starts(): number;
}

/** Starts the PowerShell child, or null when PowerShell is not installed. */
export type StartPowerShell = () => Promise<PersistentProcess | null>;

/** The arguments for `powershell.exe`/`pwsh.exe` reading commands from stdin. */
export const POWERSHELL_ARGS = ['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', '-'] as const;

const INIT =
  "$ErrorActionPreference='Stop'; $ProgressPreference='SilentlyContinue'; [Console]::OutputEncoding=[Text.Encoding]::UTF8; $OutputEncoding=[Text.Encoding]::UTF8";

/** The one line sent for a command: decode, run, then print the marker (OK or ERR). */
export function commandLine(script: string, marker: string): string {
  const encoded = Buffer.from(script, 'utf16le').toString('base64');
  // Output and marker go through the same pipeline, so the marker never overtakes the output.
  return (
    `try { Invoke-Expression ([Text.Encoding]::Unicode.GetString([Convert]::FromBase64String('${encoded}'))); '${marker} OK' } ` +
    `catch { "$($_.Exception.Message)"; '${marker} ERR' }\n`
  );
}

interface Pending {
  /** The process running this command: a stale process's exit must not fail a newer command. */
  owner: PersistentProcess;
  marker: string;
  output: string;
  resolve(result: Result<string>): void;
  timer: NodeJS.Timeout;
}

export function createPowerShellSession(start: StartPowerShell, defaultTimeoutMs = 20_000): PowerShellSession {
  const nonce = randomBytes(6).toString('hex');
  let child: PersistentProcess | null = null;
  let pending: Pending | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let counter = 0;
  let started = 0;

  const settle = (result: Result<string>): void => {
    const current = pending;
    if (!current) return;
    pending = null;
    clearTimeout(current.timer);
    current.resolve(result);
  };

  const onData = (from: PersistentProcess, chunk: Buffer): void => {
    if (!pending || pending.owner !== from) return;
    pending.output += chunk.toString('utf8');
    const at = pending.output.indexOf(pending.marker);
    if (at < 0) return;
    const lineEnd = pending.output.indexOf('\n', at);
    if (lineEnd < 0) return; // the status word has not arrived yet
    const status = pending.output.slice(at + pending.marker.length, lineEnd).trim();
    const body = pending.output.slice(0, at).replace(/\r?\n$/, '');
    settle(status === 'OK' ? ok(body) : err('FAILED', `PowerShell: ${body.trim() || 'the command failed'}`));
  };

  const ensureChild = async (): Promise<PersistentProcess | null> => {
    if (child) return child;
    const next = await start();
    if (!next) return null;
    started++;
    child = next;
    next.onStdout((chunk) => onData(next, chunk));
    next.onStderr(() => undefined); // progress/warnings; errors come back through the marker
    next.onExit((code, error) => {
      if (child === next) child = null;
      if (pending?.owner === next) settle(err('FAILED', `PowerShell ended (${error ? error.message : `exit code ${code}`}) while running a command`));
    });
    next.write(INIT + '\n');
    return next;
  };

  const runNow = async (script: string, timeoutMs: number): Promise<Result<string>> => {
    const process = await ensureChild();
    if (!process) return err('UNSUPPORTED', 'PowerShell is not available on this machine.');
    const marker = `__PORTSCOPE_${nonce}_${++counter}__`;
    return new Promise<Result<string>>((resolve) => {
      const timer = setTimeout(() => {
        settle(err('TIMEOUT', `PowerShell did not answer within ${timeoutMs} ms; it will be restarted on the next poll.`));
        process.kill();
        if (child === process) child = null;
      }, timeoutMs);
      pending = { owner: process, marker, output: '', resolve, timer };
      if (!process.write(commandLine(script, marker))) settle(err('FAILED', 'PowerShell is not accepting commands.'));
    });
  };

  return {
    run(script, timeoutMs = defaultTimeoutMs) {
      const result = queue.then(() => runNow(script, timeoutMs));
      queue = result.catch(() => undefined);
      return result;
    },
    dispose() {
      child?.kill();
      child = null;
    },
    starts: () => started,
  };
}
