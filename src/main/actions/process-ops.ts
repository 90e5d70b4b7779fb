/**
 * What the actions need from the OS about processes, one implementation per platform, picked once.
 * The socket engine gives rows and process facts; this adds the parent table, fresh start keys,
 * signals and supervisors.
 */
import type { ProcessFacts } from '../../shared/types';
import type { Supervisor } from '../../shared/actions';
import type { ProcEntry } from './proc-parse';

export type SignalMode = 'graceful' | 'force';

export interface SignalAttempt {
  /**
   * sent: the OS accepted it; gone: no such process; denied: not allowed; failed: other error;
   * stale: not sent, the pid now belongs to a different process (the elevated helper's own re-check).
   */
  result: 'sent' | 'gone' | 'denied' | 'failed' | 'stale';
  detail?: string;
}

/** One fresh look at a pid (on Linux both answers come from one /proc read; elsewhere the key is the engine's). */
export interface ProcessStatus {
  /** Still running (zombies count as ended: they are dead and only wait for their parent to reap them). */
  alive: boolean;
  /** The start fingerprint; null = the process is gone; undefined = this OS reader cannot tell (ask the engine). */
  startKey: string | null | undefined;
}

export interface ProcessOps {
  /** pid, ppid, start key and name of every process. */
  table(): Promise<ProcEntry[]>;
  /** Fresh (uncached) liveness and start fingerprint (Linux: one /proc/<pid>/stat read). */
  status(pid: number): Promise<ProcessStatus>;
  signal(pid: number, mode: SignalMode): Promise<SignalAttempt>;
  /**
   * The same signal through the OS's elevation prompt (pkexec / administrator prompt / UAC). With a
   * startKey, the elevated helper re-checks the process's start time right before signalling (the prompt
   * can take minutes) and answers `stale` instead of signalling a reused pid.
   */
  signalElevated(pid: number, mode: SignalMode, startKey?: string | null): Promise<SignalAttempt>;
  /** Who supervises (and may restart) the process, from its cgroup / services / parent. */
  supervisor(pid: number, facts: ProcessFacts | null): Promise<Supervisor | null>;
  /** Basic facts when the engine has none (name, path, command, parent). */
  facts(pid: number): Promise<ProcessFacts | null>;
  /** Running with full rights (root / elevated administrator). */
  privileged(): Promise<boolean>;
  /** The words for "needs more rights" on this OS. */
  rightsName: string;
}

/** Map a process.kill error code to a SignalAttempt. */
export function signalErrorResult(error: unknown): SignalAttempt {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ESRCH') return { result: 'gone' };
  if (code === 'EPERM') return { result: 'denied', detail: 'EPERM' };
  return { result: 'failed', detail: error instanceof Error ? error.message : String(error) };
}

/** SIGTERM (graceful) or SIGKILL (force) on Linux and macOS, with the error mapped to an attempt. */
export function posixSignal(pid: number, mode: SignalMode): SignalAttempt {
  try {
    process.kill(pid, mode === 'force' ? 'SIGKILL' : 'SIGTERM');
    return { result: 'sent' };
  } catch (error) {
    return signalErrorResult(error);
  }
}

/** Liveness by signal 0 (EPERM: it exists, owned by someone else), for OS readers without a start key (the engine has it). */
export function signalZeroStatus(pid: number): ProcessStatus {
  try {
    process.kill(pid, 0);
    return { alive: true, startKey: undefined };
  } catch (error) {
    return { alive: (error as NodeJS.ErrnoException).code === 'EPERM', startKey: undefined };
  }
}
