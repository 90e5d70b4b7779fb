/**
 * Engine snapshot (collector + owners + process facts) next to plain `ss -tunap` at the socket count
 * present. Median of N runs (`--runs N`, default 15). Printed, never asserted.
 */
import { runTool } from '../../src/main/lib/exec';
import { createEngine } from '../../src/main/engine/engine';
import { createSsCollector, SS_ARGS } from '../../src/main/collectors/linux/ss-collector';
import { createProcNetCollector } from '../../src/main/collectors/linux/proc-net-collector';
import { ms, numberArg, timeRuns } from './load/measure';

export async function run(args: string[]): Promise<void> {
  const runs = numberArg(args, '--runs', 15);
  if (process.platform !== 'linux') {
    console.log('engine bench: Linux only for now (ss and /proc); skipped on', process.platform);
    return;
  }
  const engine = createEngine({ intervalMs: 0, emit: () => undefined });
  const coldStart = performance.now();
  const first = await engine.snapshot();
  const cold = performance.now() - coldStart;
  const sockets = first.rows.length;
  const owners = new Set(first.rows.flatMap((r) => r.owners.map((o) => o.pid))).size;

  const ssPlain = await timeRuns(runs, () => runTool('ss', ['-tunap']));
  const ssNoOwners = await timeRuns(runs, () => runTool('ss', ['-tuna']));
  const ssCold = await timeRuns(runs, () => createSsCollector().collect());
  const ss = createSsCollector();
  const ssWarm = await timeRuns(runs, () => ss.collect());
  const procNetCold = await timeRuns(runs, () => createProcNetCollector().collect());
  const snapshot = await timeRuns(runs, () => engine.snapshot());
  const socketsAtEnd = (await engine.snapshot()).rows.length;
  engine.stop();

  const ssFlags = SS_ARGS.join('').replace(/-/g, '');
  console.log(`sockets: ${sockets} (source ${first.source}), owner processes: ${owners}, runs: ${runs} (median)`);
  if (Math.abs(socketsAtEnd - sockets) > sockets * 0.1) {
    console.log(`  warning: the socket count moved to ${socketsAtEnd} during the runs; the figures below are not comparable`);
  }
  console.log(`  ss -tunap (execFile, text only)             ${ms(ssPlain)}`);
  console.log(`  ss -tuna  (no owners)                       ${ms(ssNoOwners)}`);
  console.log(`  ss collector, cold (ss -${ssFlags} + fd walk)   ${ms(ssCold)}`);
  console.log(`  ss collector, warm (owner index kept)       ${ms(ssWarm)}`);
  console.log(`  proc-net collector, cold (+ fd walk)        ${ms(procNetCold)}`);
  console.log(`  engine snapshot, first (cold caches)        ${ms(cold)}`);
  console.log(`  engine snapshot (warm caches)               ${ms(snapshot)}`);
  console.log(`  ratio engine snapshot / ss -tunap           ${(snapshot / ssPlain).toFixed(2)}x`);
}
