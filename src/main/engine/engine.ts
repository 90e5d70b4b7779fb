/**
 * The engine: collects socket tables through the platform's collector chain, joins process facts,
 * and polls, emitting diffs. STUB — the engine area replaces the body; keep the interface.
 */
import type { Emit } from '../service/handlers';
import type { ProcessFacts, Snapshot } from '../../shared/types';

export interface EngineOptions {
  intervalMs: number;
  emit: Emit;
}

export interface Engine {
  /** Collect now (does not disturb the poller's sequence). */
  snapshot(): Promise<Snapshot>;
  /** The poller's latest snapshot; starts polling on first call when not running. */
  current(): Promise<Snapshot>;
  /** 0 pauses. */
  setInterval(ms: number): void;
  intervalMs(): number;
  stop(): void;
  processFacts(pid: number): Promise<ProcessFacts | null>;
}

export function createEngine(options: EngineOptions): Engine {
  let interval = options.intervalMs;
  const empty = (): Snapshot => ({
    seq: 0,
    takenAt: new Date().toISOString(),
    costMs: 0,
    source: 'none',
    rows: [],
    unparsedLines: 0,
    ownersHidden: null,
  });
  return {
    snapshot: async () => empty(),
    current: async () => empty(),
    setInterval: (ms) => {
      interval = ms;
    },
    intervalMs: () => interval,
    stop: () => undefined,
    processFacts: async () => null,
  };
}
