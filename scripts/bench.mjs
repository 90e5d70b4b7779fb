// `npm run bench`: bundles and runs every scripts/bench/*.bench.ts in name order; each prints its figures.
// Usage: npm run bench [-- <name-filter>] [-- --soak]. Figures are printed, never asserted.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const filter = process.argv.slice(2).find((a) => !a.startsWith('--'));
const files = readdirSync(`${root}scripts/bench`)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();

console.log(`PortScope bench — ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()}`);
for (const file of files) {
  const outfile = `${root}out/bench/${file.replace(/\.ts$/, '.mjs')}`;
  await build({
    entryPoints: [`${root}scripts/bench/${file}`],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.10',
    packages: 'external',
    logLevel: 'warning',
  });
  console.log(`\n== ${file.replace(/\.bench\.ts$/, '')} ==`);
  // Each bench in a fresh process: none runs beside the heap (and its collections) an earlier one left.
  const runner = `const m = await import(${JSON.stringify(pathToFileURL(outfile).href)}); await m.run(${JSON.stringify(process.argv.slice(2))});`;
  const { status } = spawnSync(process.execPath, ['--input-type=module', '-e', runner], { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}
