/**
 * Run the platform's collector chain: the first available collector that succeeds wins. A collector that
 * fails (netlink denied, timeout) is skipped for a while and then tried again, so one bad moment does
 * not leave the engine on a poorer source for good. Availability is asked once per collector and cached.
 */
import type { Collection, Collector } from '../collectors/types';

export interface ChainResult {
  collection: Collection;
  source: string;
}

/** How long a failed collector is skipped before it is tried again. */
const RETRY_FAILED_AFTER_MS = 60_000;

export class CollectorChain {
  private readonly usable = new Map<Collector, Promise<boolean>>();
  private readonly failedAt = new Map<Collector, number>();

  constructor(private readonly collectors: readonly Collector[]) {}

  async collect(): Promise<ChainResult> {
    const failures: string[] = [];
    for (const collector of this.collectors) {
      let available = this.usable.get(collector);
      if (!available) {
        available = collector.available().catch(() => false);
        this.usable.set(collector, available);
      }
      if (!(await available)) continue;
      const failed = this.failedAt.get(collector);
      const isLast = collector === this.collectors[this.collectors.length - 1];
      if (failed !== undefined && Date.now() - failed < RETRY_FAILED_AFTER_MS && !isLast) continue;
      try {
        const collection = await collector.collect();
        this.failedAt.delete(collector);
        return { collection, source: collector.name };
      } catch (error) {
        failures.push(`${collector.name}: ${error instanceof Error ? error.message : String(error)}`);
        this.failedAt.set(collector, Date.now());
      }
    }
    const tried = failures.length ? ` (${failures.join('; ')})` : '';
    throw new Error(
      this.collectors.length === 0
        ? `no socket source for ${process.platform} yet`
        : `no socket source worked on this machine${tried}. On Linux install iproute2 (ss) or make /proc readable.`,
    );
  }
}
