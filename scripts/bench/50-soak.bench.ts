/**
 * Soak (only with --soak): the service polls live at 1 s for 10 minutes (--soak-minutes M) while the load
 * generator holds ~10k sockets with 1% churn per second; every push event is serialised as for a client.
 * Prints the main process's RSS and heap (after a GC) every minute and a flat/not-flat verdict: flat when
 * the heap of the last third is within 10% (or 5 MiB) of the first third's. Printed, never asserted.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createService } from '../../src/main/service/index';
import { startLoad } from './load/load-generator';
import { cores, median, mib, numberArg, sleep } from './load/measure';

/** A callable gc() without restarting Node with --expose-gc. */
function gcFunction(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

export async function run(args: string[]): Promise<void> {
  if (!args.includes('--soak')) {
    console.log('soak skipped: run `npm run bench -- 50-soak --soak` (10 minutes; --soak-minutes M to change)');
    return;
  }
  const minutes = numberArg(args, '--soak-minutes', 10);
  const sockets = numberArg(args, '--soak-sockets', 10_000);
  const gc = gcFunction();
  const load = await startLoad({ sockets, churnPercent: 1 });
  const service = createService({ pollIntervalMs: 1000 });
  let events = 0;
  let diffRows = 0;
  const unsubscribe = service.subscribe((event) => {
    events++;
    if (event.type === 'diff') diffRows += event.diff.added.length + event.diff.removed.length + event.diff.changed.length;
    void JSON.stringify(event);
  });
  const heaps: number[] = [];
  try {
    await service.engine.current();
    console.log(`soak on ${cores()} cores: ${load.sockets.toLocaleString('en')} load sockets, 1% churn/s, refresh 1 s, ${minutes} min`);
    const cpuStart = process.cpuUsage();
    for (let minute = 1; minute <= minutes; minute++) {
      await sleep(60_000);
      gc();
      const mem = process.memoryUsage();
      heaps.push(mem.heapUsed);
      console.log(`  minute ${String(minute).padStart(2)}: rss ${mib(mem.rss).padStart(10)}  heap ${mib(mem.heapUsed).padStart(10)}  events ${events}  diff rows ${diffRows}`);
    }
    const cpu = process.cpuUsage(cpuStart);
    const third = Math.max(1, Math.floor(heaps.length / 3));
    const first = median(heaps.slice(0, third));
    const last = median(heaps.slice(-third));
    const growth = last - first;
    const flat = growth <= Math.max(first * 0.1, 5 * 2 ** 20);
    console.log(`  heap first third ${mib(first)}, last third ${mib(last)}: ${flat ? 'FLAT' : 'NOT FLAT'} (growth ${mib(growth)})`);
    console.log(`  main CPU over the soak: ${(((cpu.user + cpu.system) / 1000 / (minutes * 60_000)) * 100).toFixed(2)}% of one core`);
  } finally {
    unsubscribe();
    await service.dispose();
    await load.stop();
  }
}
