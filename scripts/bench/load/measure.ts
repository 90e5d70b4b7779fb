/** Small timing helpers the scale, UI and soak benches share. Figures are printed, never asserted. */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { runFile } from '../../../src/main/lib/exec';

/** A plain .mjs helper of the bench: next to this file in the sources, or two levels up from out/bench/ when bundled. */
export function benchHelper(name: string): string {
  return (
    [`./${name}`, `../../scripts/bench/load/${name}`].map((rel) => fileURLToPath(new URL(rel, import.meta.url))).find((file) => existsSync(file)) ??
    `${name} not found`
  );
}

/** A command's medians over its runs: wall time, and the CPU time it and its children used (NaN without /proc). */
export interface CommandTimes {
  wall: number;
  user: number;
  system: number;
  /** The median of each run's user + system (not the sum of the two medians). */
  cpu: number;
}

/**
 * Medians of commands run end to end by a small fresh process (load/time-commands.mjs), runs
 * alternating, stdout drained through a pipe: the bench's own big heap then slows no command's output.
 */
export async function timeCommands(runs: number, commands: readonly (readonly string[])[]): Promise<CommandTimes[]> {
  const out = await runFile(process.execPath, [benchHelper('time-commands.mjs'), String(runs), JSON.stringify(commands)], { timeoutMs: 600_000 });
  if (out.exitCode !== 0) throw new Error(`time-commands failed: ${out.stderr.toString('utf8')}`);
  const { times, user, system } = JSON.parse(out.stdout.toString('utf8')) as { times: number[][]; user: (number | null)[][]; system: (number | null)[][] };
  const orNaN = (value: number | null | undefined): number => value ?? NaN; // null: no /proc
  return times.map((wall, c) => ({
    wall: median(wall),
    user: median((user[c] ?? []).map(orNaN)),
    system: median((system[c] ?? []).map(orNaN)),
    cpu: median((user[c] ?? []).map((u, run) => orNaN(u) + orNaN(system[c]?.[run]))),
  }));
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median wall time of `runs` sequential runs of `task`, in ms. */
export async function timeRuns(runs: number, task: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  return median(times);
}

export const ms = (value: number): string => `${Number.isFinite(value) ? value.toFixed(1) : '—'} ms`.padStart(11);
export const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}x`;
export const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
export const cores = (): number => os.cpus().length;
export const sleep = (msToWait: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, msToWait));

/** `--name value` from the bench argv, as a number, or the fallback. */
export function numberArg(args: readonly string[], name: string, fallback: number): number {
  const at = args.indexOf(name);
  const value = at >= 0 ? Number(args[at + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** `--sizes 1000,10000` (socket counts) or the default. */
export function sizesArg(args: readonly string[], fallback: readonly number[]): number[] {
  const at = args.indexOf('--sizes');
  const list = at >= 0 ? (args[at + 1] ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0) : [];
  return list.length ? list : [...fallback];
}
