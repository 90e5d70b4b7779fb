import type { ProcessFacts } from '../../shared/types';

/**
 * One platform's source of process facts. `known` holds the facts of the previous round: a provider
 * reuses an entry whose startKey is unchanged (same process, not a reused pid) instead of reading it again.
 */
export interface ProcessFactsProvider {
  name: string;
  collect(pids: readonly number[], known: ReadonlyMap<number, ProcessFacts>): Promise<Map<number, ProcessFacts>>;
  /** A user name for a socket's uid when no process is visible (Linux: /etc/passwd). */
  userName?(uid: number): Promise<string | null>;
}
