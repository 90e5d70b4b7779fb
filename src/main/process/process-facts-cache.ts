/**
 * Process facts cached by (pid, startKey): each round the provider gets the previous facts and reuses
 * those whose start key is unchanged; pids no longer asked for are dropped, so the cache never grows
 * beyond the current owners.
 */
import type { ProcessFacts } from '../../shared/types';
import type { ProcessFactsProvider } from './types';

export class ProcessFactsCache {
  private facts = new Map<number, ProcessFacts>();

  constructor(private readonly provider: ProcessFactsProvider) {}

  /** Facts for exactly these pids (a full round: forgets every other pid). */
  async refresh(pids: Iterable<number>): Promise<Map<number, ProcessFacts>> {
    const wanted = [...new Set(pids)];
    try {
      this.facts = await this.provider.collect(wanted, this.facts);
    } catch {
      this.facts = new Map(); // a provider failure costs the facts, never the socket table
    }
    return this.facts;
  }

  /** Facts of one pid, read fresh when not cached; kept in the cache. */
  async one(pid: number): Promise<ProcessFacts | null> {
    try {
      const got = await this.provider.collect([pid], this.facts);
      const facts = got.get(pid) ?? null;
      if (facts) this.facts.set(pid, facts);
      else this.facts.delete(pid);
      return facts;
    } catch {
      return null;
    }
  }
}
