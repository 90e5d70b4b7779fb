// Times commands end to end from a small, fresh process: each run's stdout is drained through a pipe
// (read, not kept), the way `cmd | wc -c` would read it. The benches' own process holds 40k-row
// engines in its heap; reading 30 MB there triggers full GCs of that heap that slow the pipe and
// inflated `list --json` by up to 200 ms. Runs alternate between the commands so they share conditions.
// Usage: node time-commands.mjs <runs> '<json [[file, ...args], ...]>'  ->  one JSON line {"times":[[ms...], ...]}
// (each command's run times in ms; measure.ts takes their medians)
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const runs = Number(process.argv[2] ?? 3);
const commands = JSON.parse(process.argv[3] ?? '[]');

function runOnce([file, ...args]) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.resume(); // drained, not kept
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve(performance.now() - start) : reject(new Error(`${file} ${args.join(' ')} exited ${code}`))));
  });
}

const times = commands.map(() => []);
for (let i = 0; i < runs; i++) {
  for (let c = 0; c < commands.length; c++) times[c].push(await runOnce(commands[c]));
}
process.stdout.write(`${JSON.stringify({ times })}\n`);
