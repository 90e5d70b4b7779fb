/**
 * Run the platform's collector chain: the first available collector that succeeds wins; a collector that
 * fails (tool missing, netlink denied) is skipped for later collections once it failed this way.
 * Availability is asked once per collector and cached.
 */
import type { Collection, Collector } from '../collectors/types';

export interface ChainResult {
  collection: Collection;
  source: string;
}

export class CollectorChain {
  private readonly usable = new Map<Collector, Promise<boolean>>();

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
      try {
        return { collection: await collector.collect(), source: collector.name };
      } catch (error) {
        failures.push(`${collector.name}: ${error instanceof Error ? error.message : String(error)}`);
        this.usable.set(collector, Promise.resolve(false));
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
