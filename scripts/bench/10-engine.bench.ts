/**
 * Engine snapshot (collector + owners + process facts) next to plain `ss -tunap` at the socket count
 * present. Median of N runs (`--runs N`, default 15). Printed, never asserted.
 */
import { runTool } from '../../src/main/lib/exec';
import { createEngine } from '../../src/main/engine/engine';
import { ssCollector, SS_ARGS } from '../../src/main/collectors/linux/ss-collector';
import { procNetCollector } from '../../src/main/collectors/linux/proc-net-collector';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function timeRuns(runs: number, task: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  return median(times);
}

const ms = (value: number): string => `${value.toFixed(1)} ms`.padStart(10);

export async function run(args: string[]): Promise<void> {
  const runsArg = args.indexOf('--runs');
  const runs = runsArg >= 0 ? Math.max(1, Number(args[runsArg + 1]) || 15) : 15;
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
  const ssParsed = await timeRuns(runs, () => ssCollector.collect());
  const procNet = await timeRuns(runs, () => procNetCollector.collect());
  const snapshot = await timeRuns(runs, () => engine.snapshot());
  const socketsAtEnd = (await engine.snapshot()).rows.length;
  engine.stop();

  console.log(`sockets: ${sockets} (source ${first.source}), owner processes: ${owners}, runs: ${runs} (median)`);
  if (Math.abs(socketsAtEnd - sockets) > sockets * 0.1) {
    console.log(`  warning: the socket count moved to ${socketsAtEnd} during the runs; the figures below are not comparable`);
  }
  console.log(`  ss -tunap (execFile, text only)        ${ms(ssPlain)}`);
  console.log(`  ss -tuna  (no owners)                  ${ms(ssNoOwners)}`);
  console.log(`  ss collector (ss -${SS_ARGS.join('').replace(/-/g, '')} + parse)${ms(ssParsed)}`);
  console.log(`  proc-net collector (+ fd walk)         ${ms(procNet)}`);
  console.log(`  engine snapshot, first (cold facts)    ${ms(cold)}`);
  console.log(`  engine snapshot (warm facts cache)     ${ms(snapshot)}`);
  console.log(`  ratio engine snapshot / ss -tunap      ${(snapshot / ssPlain).toFixed(2)}x`);
}
