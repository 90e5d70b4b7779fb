/**
 * Scale: at about 1k, 10k and 40k loopback TCP sockets held by the load generator, the engine's snapshot
 * (owners + process facts) cold and as a poll where little changed, `portscope list --json` end to end
 * (the built CLI in a fresh Node; also without the native reader when it is built), `ss -tunap`, and `systeminformation.networkConnections()`; then the
 * main process's CPU at a 1 s refresh with 1k sockets. One load per size serves every measurement.
 * `ss -tunap` and `list --json` are timed alike by load/time-commands.mjs, a small process that drains
 * their output (this process's heap, full of 40k-row engines, would slow the reading of 30 MB).
 * Last, the largest size again with tens of thousands of sockets in TIME_WAIT beside it (what TCPView
 * chokes on): ss prints their countdown, which changes every second.
 * Flags: --sizes 1000,10000,40000  --runs N  --cpu-seconds S  --time-wait N (default 30000)  --no-time-wait.
 * Printed, never asserted.
 */
import { fileURLToPath } from 'node:url';
import si from 'systeminformation';
import { runFile } from '../../src/main/lib/exec';
import { createEngine } from '../../src/main/engine/engine';
import { createService } from '../../src/main/service/index';
import { nativeReader } from '../../src/main/collectors/linux/native-reader';
import { leaveTimeWait, startLoad, TIME_WAIT_MS, type Load } from './load/load-generator';
import { cores, median, ms, numberArg, ratio, sizesArg, sleep, timeCommands, timeRuns, type CommandTimes } from './load/measure';

const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/out\/$/, '');
const CLI = `${root}bin/portscope.mjs`;

const LIST_JSON = [process.execPath, CLI, 'list', '--json'];
/** The same without the native reader: `ss` and the fd walk's worker, what a machine without a C compiler at build time runs. */
const LIST_JSON_WITHOUT_NATIVE = ['env', 'PORTSCOPE_NATIVE=0', ...LIST_JSON];
const SS_TUNAP = ['ss', '-tunap'];

/** One run read here, to check the output is one valid JSON array (not timed). */
async function listJson(): Promise<Buffer> {
  return (await runFile(LIST_JSON[0]!, LIST_JSON.slice(1), { timeoutMs: 120_000 })).stdout;
}

const countRows = (json: Buffer): number => (JSON.parse(json.toString('utf8')) as unknown[]).length;

const TIME_WAIT_MARGIN_MS = 10_000;

/**
 * A command's CPU (medians, its children included). ss's user time is its -p lookup, which swings with the
 * host's memory latency from day to day; its system time is the fd walk, which ours repeats.
 */
const cpuText = (times: CommandTimes | undefined): string =>
  times && Number.isFinite(times.user) ? `CPU: user ${times.user.toFixed(0)} ms, system ${times.system.toFixed(0)} ms` : '';

/** Every figure at one size; `timeWait` sockets are left in TIME_WAIT beside the load first (then waited out). */
async function measureSize(target: number, runs: number, timeWait = 0): Promise<void> {
  const setupStart = performance.now();
  const load: Load = await startLoad({ sockets: target });
  const timeWaitFrom = performance.now();
  let waiting = 0;
  try {
    if (timeWait > 0) waiting = await leaveTimeWait(timeWait);
    const setup = performance.now() - setupStart;
    const few = target >= 40_000 ? Math.max(3, Math.ceil(runs / 2)) : runs;
    // More samples where runs are cheap or the pair is noisy: on this VM one run moves by ±10–15%.
    const warmRuns = runs * 3;
    const commandRuns = runs * 2 + 1;
    // cold: a fresh engine (empty caches) each time
    const colds: number[] = [];
    let present = 0;
    let inTimeWait = 0;
    let source = '';
    for (let i = 0; i < runs; i++) {
      const engine = createEngine({ intervalMs: 0, emit: () => undefined });
      const start = performance.now();
      const snap = await engine.snapshot();
      colds.push(performance.now() - start);
      present = snap.rows.length;
      source = snap.source;
      inTimeWait = snap.rows.filter((row) => row.state === 'TIME_WAIT').length;
      engine.stop();
    }
    const cold = median(colds);
    // a poll where little changed: one live engine polled back to back (collect + diff + emit)
    const engine = createEngine({ intervalMs: 0, emit: (event) => void JSON.stringify(event) });
    await engine.current();
    const warm = await timeRuns(warmRuns, () => engine.current());
    engine.stop();
    const listRows = countRows(await listJson());
    // Both commands timed alike, alternating, from a small process that drains their output (see timeCommands).
    const native = nativeReader() !== null;
    const [ssTimes, listTimes, withoutNative] = await timeCommands(commandRuns, native ? [SS_TUNAP, LIST_JSON, LIST_JSON_WITHOUT_NATIVE] : [SS_TUNAP, LIST_JSON]);
    const ss = ssTimes?.wall ?? NaN;
    const list = listTimes?.wall ?? NaN;
    const siRuns = await timeRuns(few, () => si.networkConnections());
    console.log(
      `\n${target.toLocaleString('en')} sockets wanted${waiting ? ` beside ${waiting.toLocaleString('en')} closed into TIME_WAIT` : ''}: load holds ${load.sockets.toLocaleString('en')} in ${load.children.length} process(es) (setup ${(setup / 1000).toFixed(1)} s); ` +
        `engine (${source}) sees ${present.toLocaleString('en')} rows (${inTimeWait.toLocaleString('en')} in TIME_WAIT), list --json printed ${listRows.toLocaleString('en')}; medians of ${runs} cold, ${warmRuns} warm, ${commandRuns} of ss and list (alternating), ${few} of systeminformation`,
    );
    console.log(`  engine snapshot, cold (fresh engine)         ${ms(cold)}`);
    console.log(`  engine poll, little changed (warm)           ${ms(warm)}   poll/cold ${ratio(warm, cold)} (target ≤ 0.50x)`);
    const cpuRatio = listTimes && ssTimes && Number.isFinite(listTimes.cpu) ? ` (list/ss CPU ${ratio(listTimes.cpu, ssTimes.cpu)})` : '';
    console.log(`  portscope list --json (end to end)           ${ms(list)}   list/ss ${ratio(list, ss)} (target ≤ 1.00x)   ${cpuText(listTimes)}${cpuRatio}`);
    if (withoutNative) {
      const wall = withoutNative.wall;
      console.log(`    the same through ss and the worker         ${ms(wall)}   list/ss ${ratio(wall, ss)} (PORTSCOPE_NATIVE=0)   ${cpuText(withoutNative)}`);
    } else console.log('    (the native reader is not built: list --json read through ss and the worker)');
    console.log(`  ss -tunap                                    ${ms(ss)}                                ${cpuText(ssTimes)}`);
    console.log(`  systeminformation.networkConnections()       ${ms(siRuns)}   si/ss ${ratio(siRuns, ss)}`);
    console.log(`  engine snapshot / ss -tunap                  ${ratio(cold, ss)} cold, ${ratio(warm, ss)} warm`);
    if (waiting && performance.now() > timeWaitFrom + TIME_WAIT_MS) console.log('  (some TIME_WAIT sockets expired before the end: the later figures saw churn)');
  } finally {
    await load.stop();
    if (waiting) {
      // the kernel's timer wheel may fire a few seconds late: a margin, so the next bench does not see them
      console.log('  (waiting for the TIME_WAIT sockets to expire before the next bench)');
      await sleep(Math.max(0, timeWaitFrom + TIME_WAIT_MS + TIME_WAIT_MARGIN_MS - performance.now()));
    }
  }
}

/** Main-process CPU at a 1 s refresh: the service polling live, every push event serialised as for a client. */
async function measureCpu(sockets: number, seconds: number): Promise<void> {
  const load = await startLoad({ sockets });
  try {
    const service = createService({ pollIntervalMs: 1000 });
    let events = 0;
    const unsubscribe = service.subscribe((event) => {
      events++;
      void JSON.stringify(event);
    });
    await service.engine.current(); // live: the poller runs every second from here
    await sleep(2000); // let the first polls warm the caches
    events = 0;
    const cpuStart = process.cpuUsage();
    const wallStart = performance.now();
    await sleep(seconds * 1000);
    const cpu = process.cpuUsage(cpuStart);
    const wall = performance.now() - wallStart;
    unsubscribe();
    await service.dispose();
    const percent = ((cpu.user + cpu.system) / 1000 / wall) * 100;
    console.log(
      `\nmain-process CPU at a 1 s refresh, ${load.sockets.toLocaleString('en')} load sockets, ${seconds} s: ${percent.toFixed(2)}% of one core ` +
        `(user ${(cpu.user / 1000).toFixed(0)} ms, system ${(cpu.system / 1000).toFixed(0)} ms, ${events} push events) (target < 3%)`,
    );
  } finally {
    await load.stop();
  }
}

export async function run(args: string[]): Promise<void> {
  if (process.platform !== 'linux') {
    console.log('scale bench: Linux only (ss, /proc, prlimit); skipped on', process.platform);
    return;
  }
  const runs = numberArg(args, '--runs', 5);
  const sizes = sizesArg(args, [1000, 10_000, 40_000]);
  console.log(`scale bench on ${cores()} cores; other processes' sockets count too (the engine sees the whole machine)`);
  for (const size of sizes) await measureSize(size, runs);
  await measureCpu(1000, numberArg(args, '--cpu-seconds', 20));
  if (!args.includes('--no-time-wait')) await measureSize(Math.max(...sizes), runs, numberArg(args, '--time-wait', 30_000));
}
