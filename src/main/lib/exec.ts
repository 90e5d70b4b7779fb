/**
 * The only place that spawns processes: always an argv array (never a shell string) and a timeout.
 * runFile collects the output (a buffer big enough for 100k sockets), streamFile hands it over as it comes,
 * startPersistentProcess keeps a helper running. Tools are called by absolute path where we know it,
 * because GUI apps (Electron launched from a dock/menu) start with a short PATH.
 */
import { execFile, spawn } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import path from 'node:path';

export interface ExecOutput {
  stdout: Buffer;
  stderr: Buffer;
  /** Process exit code; null when killed by a signal, the timeout or a full buffer. */
  exitCode: number | null;
  /** Killed because it ran longer than timeoutMs. */
  timedOut: boolean;
  /** Killed because its output exceeded maxBuffer: stdout/stderr hold only the first maxBuffer bytes. */
  truncated: boolean;
}

export interface ExecOptions {
  timeoutMs?: number;
  /** Defaults to 256 MiB: `ss -tunap` at 100k sockets is ~20 MB. */
  maxBuffer?: number;
  env?: NodeJS.ProcessEnv;
  input?: string;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_BUFFER = 256 * 1024 * 1024;

/**
 * Directories searched before PATH for a tool. On Windows, System32 under an absolute %SystemRoot%
 * (C:\Windows when unset or relative: a relative one would resolve against the working directory),
 * and for powershell its own folder, which PATH may lack (GUI apps, trimmed PATHs).
 */
export function toolDirs(name: string, platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'linux') return ['/usr/bin', '/usr/sbin', '/bin', '/sbin'];
  if (platform === 'darwin') return ['/usr/sbin', '/usr/bin', '/bin', '/sbin'];
  if (platform !== 'win32') return [];
  const root = env.SystemRoot && /^[a-z]:[\\/]/i.test(env.SystemRoot) ? env.SystemRoot : 'C:\\Windows';
  const system32 = path.win32.join(root, 'System32');
  return name.toLowerCase() === 'powershell' ? [path.win32.join(system32, 'WindowsPowerShell', 'v1.0'), system32] : [system32];
}

const resolved = new Map<string, string | null>();

/** Absolute path of a tool, or null when it is not installed. Cached. */
export async function resolveTool(name: string): Promise<string | null> {
  if (resolved.has(name)) return resolved.get(name) ?? null;
  const dirs = [...toolDirs(name), ...(process.env.PATH ?? '').split(path.delimiter)];
  const exts = process.platform === 'win32' ? ['.exe', '.com', ''] : [''];
  for (const dir of dirs.filter(Boolean)) {
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      try {
        await access(candidate, constants.X_OK);
        resolved.set(name, candidate);
        return candidate;
      } catch {
        // not here; keep looking
      }
    }
  }
  resolved.set(name, null);
  return null;
}

/**
 * Run a program and collect its output as bytes (callers decode: Windows tools write OEM code pages).
 * Never rejects for a non-zero exit; rejects only when the program cannot be started.
 */
export function runFile(file: string, args: readonly string[], options: ExecOptions = {}): Promise<ExecOutput> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      file,
      args,
      {
        encoding: 'buffer',
        timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        maxBuffer: options.maxBuffer ?? DEFAULT_MAX_BUFFER,
        env: options.env,
        windowsHide: true,
        shell: false,
      },
      (error, stdout, stderr) => {
        const failure = error as (NodeJS.ErrnoException & { killed?: boolean; code?: string | number }) | null;
        const truncated = failure?.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER'; // node kills the child then
        if (failure && typeof failure.code === 'string' && !truncated) {
          reject(failure);
          return;
        }
        resolve({
          stdout,
          stderr,
          exitCode: child.exitCode,
          timedOut: !truncated && Boolean(failure?.killed) && child.signalCode === 'SIGTERM',
          truncated,
        });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/** Resolve a tool by name and run it; null when the tool is not installed. */
export async function runTool(name: string, args: readonly string[], options?: ExecOptions): Promise<ExecOutput | null> {
  const file = await resolveTool(name);
  if (!file) return null;
  return runFile(file, args, options);
}

export interface StreamedRun {
  stderr: Buffer;
  /** Process exit code; null when it was ended by a signal (`signal`) or the timeout. */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** We stopped waiting: the program ran longer than timeoutMs (or something it started held its output open). */
  timedOut: boolean;
}

/** stderr kept from a streamed run: enough for any tool's complaint, bounded whatever it prints. */
const STREAM_STDERR_LIMIT = 64 * 1024;
/** How long a timed-out program gets to end after SIGTERM before SIGKILL. */
const KILL_GRACE_MS = 2_000;

/**
 * Run a program and hand its stdout to `onStdout` chunk by chunk as it prints, so a caller parses while
 * the program still writes (`ss` writes a 40k-socket table over 50–100 ms). stderr is collected (its
 * first 64 KiB). Never rejects for a non-zero exit; rejects when the program cannot be started or
 * `onStdout` throws (the program is then killed).
 */
export function streamFile(file: string, args: readonly string[], onStdout: (chunk: Buffer) => void, options: { timeoutMs?: number } = {}): Promise<StreamedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { shell: false, windowsHide: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const stderr: Buffer[] = [];
    let stderrBytes = 0;
    let failure: Error | null = null;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill();
      setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS).unref(); // a no-op once it has exited
      // Output a grandchild still holds open must not keep us waiting: 'close' needs both pipes closed.
      child.stdout.destroy();
      child.stderr.destroy();
    }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      if (failure) return;
      try {
        onStdout(chunk);
      } catch (error) {
        failure = error instanceof Error ? error : new Error(String(error));
        child.kill();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderrBytes >= STREAM_STDERR_LIMIT) return;
      const kept = chunk.subarray(0, STREAM_STDERR_LIMIT - stderrBytes);
      stderr.push(kept);
      stderrBytes += kept.length;
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error); // could not be started (a no-op if it already closed)
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (failure) reject(failure);
      else resolve({ stderr: Buffer.concat(stderr), exitCode: code, signal, timedOut });
    });
  });
}

/** A long-lived child (one PowerShell for every poll): write to its stdin, listen to its output. */
export interface PersistentProcess {
  readonly pid: number | undefined;
  /** false when the child is gone or its stdin is closed. */
  write(text: string): boolean;
  onStdout(listener: (chunk: Buffer) => void): void;
  onStderr(listener: (chunk: Buffer) => void): void;
  /** Called once: when the child exits, or could not be started (error set). */
  onExit(listener: (code: number | null, error: Error | null) => void): void;
  kill(): void;
}

/**
 * Start a program that keeps running (spawn with an argv array, never a shell, no console window).
 * Never throws: a program that cannot be started reports through onExit. The child and its pipes are
 * unref'd, so an idle helper never keeps Node running.
 */
export function startPersistentProcess(file: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv } = {}): PersistentProcess {
  const child = spawn(file, args, { shell: false, windowsHide: true, stdio: ['pipe', 'pipe', 'pipe'], env: options.env });
  const exitListeners: ((code: number | null, error: Error | null) => void)[] = [];
  let exited: { code: number | null; error: Error | null } | null = null;
  const finish = (code: number | null, error: Error | null): void => {
    if (exited) return;
    exited = { code, error };
    for (const listener of exitListeners) listener(code, error);
  };
  child.on('error', (error) => finish(null, error));
  child.on('exit', (code) => finish(code, null));
  child.stdin.on('error', () => undefined); // EPIPE after the child died: reported through exit
  // An idle helper must not keep the CLI alive; callers hold the event loop with their own timeout while waiting.
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as unknown as { unref?: () => void }).unref?.();
  return {
    get pid() {
      return child.pid;
    },
    write: (text) => (exited || !child.stdin.writable ? false : child.stdin.write(text)),
    onStdout: (listener) => void child.stdout.on('data', listener),
    onStderr: (listener) => void child.stderr.on('data', listener),
    onExit: (listener) => {
      if (exited) listener(exited.code, exited.error);
      else exitListeners.push(listener);
    },
    kill: () => {
      if (!exited) child.kill();
    },
  };
}
