/** What kill and close need from the rest of PortScope, injected so tests can swap pieces. */
import type { Engine } from '../engine/engine';
import type { ProcessOps } from './process-ops';

export interface KillDeps {
  engine: Pick<Engine, 'snapshot' | 'processFacts'>;
  ops: ProcessOps;
  platform: NodeJS.Platform;
  /** PortScope's own pid (protected, with its parent chain). */
  selfPid: number;
  /** Grace time before forcing when the request gives none. */
  defaultGraceMs: number;
  /** How long to wait for a process to vanish after the force signal. */
  forceWaitMs: number;
  /** How long to watch the port for a supervisor restarting the process; 0 = do not watch. */
  restartWatchMs: number;
  /** Poll step while waiting. */
  pollMs: number;
}

export const DEFAULT_GRACE_MS = 5000;

export function defaultKillDeps(engine: KillDeps['engine'], ops: ProcessOps): KillDeps {
  return {
    engine,
    ops,
    platform: process.platform,
    selfPid: process.pid,
    defaultGraceMs: DEFAULT_GRACE_MS,
    forceWaitMs: 3000,
    restartWatchMs: 3000,
    pollMs: 100,
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Signal words per OS, for honest messages. */
export function signalWords(platform: NodeJS.Platform): { graceful: string; force: string } {
  return platform === 'win32'
    ? { graceful: 'a close request (taskkill)', force: 'taskkill /F' }
    : { graceful: 'SIGTERM', force: 'SIGKILL' };
}
