// Times commands end to end from a small, fresh process: each run's stdout is drained through a pipe
// (read, not kept), the way `cmd | wc -c` would read it. The benches' own process holds 40k-row
// engines in its heap; reading 30 MB there triggers full GCs of that heap that slow the pipe and
// inflated `list --json` by up to 200 ms. Runs alternate between the commands so they share conditions.
// Each run's CPU time (user and system, its own children included) comes from this process's cutime and
// cstime in /proc/self/stat, which grow by a child's times when it is waited for: `ss -tunap`'s user time
// swings with the host's memory latency (its -p lookup walks long hash chains) while its system time
// (the fd walk) does not, and the two tell a slow day for ss from a fast day for us.
// Usage: node time-commands.mjs <runs> '<json [[file, ...args], ...]>'
//   -> one JSON line {"times":[[ms...], ...],"user":[[ms...], ...],"system":[[ms...], ...]}
//   (per command, each run's wall, user and system ms; user and system are null where /proc is missing)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const runs = Number(process.argv[2] ?? 3);
const commands = JSON.parse(process.argv[3] ?? '[]');
/** /proc reports times in USER_HZ, 100 per second on Linux whatever the kernel's own tick. */
const TICK_MS = 10;

/** [user, system] ms of this process's waited-for children so far, or null without /proc. */
function childrenCpu() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // after "pid (comm) ": field 3 on
    return [Number(fields[13]) * TICK_MS, Number(fields[14]) * TICK_MS]; // fields 16 and 17: cutime, cstime
  } catch {
    return null;
  }
}

function runOnce([file, ...args]) {
  return new Promise((resolve, reject) => {
    const cpuBefore = childrenCpu();
    const start = performance.now();
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.resume(); // drained, not kept
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) return reject(new Error(`${file} ${args.join(' ')} exited ${code}`));
      const wall = performance.now() - start;
      const cpuAfter = childrenCpu();
      const cpu = cpuBefore && cpuAfter ? [cpuAfter[0] - cpuBefore[0], cpuAfter[1] - cpuBefore[1]] : [null, null];
      resolve({ wall, user: cpu[0], system: cpu[1] });
    });
  });
}

const times = commands.map(() => []);
const user = commands.map(() => []);
const system = commands.map(() => []);
for (let i = 0; i < runs; i++) {
  for (let c = 0; c < commands.length; c++) {
    const run = await runOnce(commands[c]);
    times[c].push(run.wall);
    user[c].push(run.user);
    system[c].push(run.system);
  }
}
process.stdout.write(`${JSON.stringify({ times, user, system })}\n`);
