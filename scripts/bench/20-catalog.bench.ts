/**
 * Port catalog costs. Load: a fresh Node process imports the bundled catalog and makes its first
 * describe (median of several processes). Lookup: per-call median over 1M describe calls on a mix of
 * ports, plus ownerVerdict and annotateRows on 10k rows.
 */
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runFile } from '../../src/main/lib/exec';
import { median } from './load/measure';
import { annotateRows, describe, ownerVerdict } from '../../src/shared/catalog/index';
import type { CatalogProtocol } from '../../src/shared/catalog/types';
import type { SocketRow } from '../../src/shared/types';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = `${root}out/bench/catalog-cold`;

async function coldLoad(runs: number): Promise<{ importMs: number; firstDescribeMs: number; cpuMs: number }> {
  await build({
    entryPoints: [`${root}src/shared/catalog/index.ts`],
    outfile: `${outDir}/catalog.mjs`,
    bundle: true,
    platform: 'neutral',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  const driver = `${outDir}/driver.mjs`;
  writeFileSync(
    driver,
    [
      'const c0 = process.cpuUsage();',
      'const t0 = performance.now();',
      `const m = await import(${JSON.stringify(pathToFileURL(`${outDir}/catalog.mjs`).href)});`,
      'const t1 = performance.now();',
      "m.describe(3389, 'tcp');",
      'const t2 = performance.now();',
      'const c = process.cpuUsage(c0);',
      'process.stdout.write(JSON.stringify({ importMs: t1 - t0, firstDescribeMs: t2 - t1, cpuMs: (c.user + c.system) / 1000 }));',
    ].join('\n'),
  );
  const imports: number[] = [];
  const firsts: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const out = await runFile(process.execPath, [driver], { timeoutMs: 30_000 });
    const parsed = JSON.parse(out.stdout.toString('utf8')) as { importMs: number; firstDescribeMs: number; cpuMs: number };
    imports.push(parsed.importMs);
    firsts.push(parsed.firstDescribeMs);
    cpu.push(parsed.cpuMs);
  }
  return { importMs: median(imports), firstDescribeMs: median(firsts), cpuMs: median(cpu) };
}

function lookupCost(total: number, batch: number): number {
  const ports: [number, CatalogProtocol][] = [];
  for (let i = 0; i < 2000; i += 1) ports.push([1 + ((i * 7919) % 65535), i % 2 === 0 ? 'tcp' : 'udp']);
  for (const [p, proto] of ports) describe(p, proto); // warm: every answer memoised once
  const perCall: number[] = [];
  let sink = 0;
  for (let done = 0; done < total; done += batch) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i += 1) {
      const [p, proto] = ports[(done + i) % ports.length] as [number, CatalogProtocol];
      sink += describe(p, proto).meanings.length;
    }
    perCall.push(((performance.now() - t0) * 1e6) / batch);
  }
  if (sink < 0) console.log(sink);
  return median(perCall);
}

function verdictCost(total: number): number {
  const t0 = performance.now();
  let sink = 0;
  for (let i = 0; i < total; i += 1) {
    sink += ownerVerdict(i % 2 ? 3389 : 22, 'tcp', { processName: i % 3 ? 'svchost.exe' : 'sshd', services: ['TermService'], pid: 1000 + i, platform: 'win32' }).reason.length;
  }
  if (sink < 0) console.log(sink);
  return ((performance.now() - t0) * 1e6) / total;
}

function annotateCost(rowCount: number): number {
  const rows: SocketRow[] = [];
  for (let i = 0; i < rowCount; i += 1) {
    const listening = i % 10 === 0;
    rows.push({
      id: String(i),
      protocol: i % 4 === 0 ? 'udp' : 'tcp',
      family: 4,
      localAddress: '10.0.0.2',
      localPort: listening ? [22, 80, 443, 3389, 5432][i % 5] ?? 80 : 49152 + (i % 16000),
      localScope: null,
      remoteAddress: listening ? null : '10.0.0.9',
      remotePort: listening ? null : [443, 80, 5432, 6379][i % 4] ?? 443,
      remoteScope: null,
      state: listening ? 'LISTEN' : 'ESTABLISHED',
      owners: [],
      uid: null,
      ownerHidden: null,
      dualStack: null,
      pid: 100 + (i % 50),
      processName: 'node',
      services: [],
      user: null,
      processPath: null,
      processCommand: null,
      processStarted: null,
      meaning: null,
    });
  }
  annotateRows(rows, { platform: 'linux', ephemeralRange: { low: 32768, high: 60999 } });
  const times: number[] = [];
  for (let i = 0; i < 9; i += 1) {
    const t0 = performance.now();
    annotateRows(rows, { platform: 'linux', ephemeralRange: { low: 32768, high: 60999 } });
    times.push(performance.now() - t0);
  }
  return median(times);
}

export async function run(args: string[]): Promise<void> {
  const quick = args.includes('--quick');
  const cold = await coldLoad(quick ? 3 : 7);
  console.log(
    `catalog cold load (fresh node, median): import ${cold.importMs.toFixed(1)} ms + first describe ${cold.firstDescribeMs.toFixed(2)} ms (index build) = ${(cold.importMs + cold.firstDescribeMs).toFixed(1)} ms wall, ${cold.cpuMs.toFixed(1)} ms CPU (most of it parsing IANA's 690 KB registry)`,
  );
  console.log(`load average now: ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores (wall times grow with it)`);
  console.log(`describe lookup (memoised map hit), median per call over 1M calls: ${lookupCost(1_000_000, 10_000).toFixed(0)} ns`);
  console.log(`ownerVerdict per call (100k calls): ${verdictCost(100_000).toFixed(0)} ns`);
  console.log(`annotateRows on 10,000 rows (median of 9): ${annotateCost(10_000).toFixed(2)} ms`);
}
