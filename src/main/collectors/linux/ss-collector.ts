/**
 * `ss -tunae` (netlink: fast, zones, V6ONLY, the socket's inode and uid) — the Linux first choice where
 * the native reader is not built (sock-diag-collector.ts). No `-p`: ss would walk every process's fds on
 * each call (most of its cost at 40k sockets); the owner index walks them once and then only what
 * changed. Unchanged lines keep their parsed row between polls, and lines are parsed as ss prints them (at
 * 40k sockets it writes for 50–100 ms, while we would wait).
 */
import { resolveTool, streamFile } from '../../lib/exec';
import { LineChunks } from '../../lib/line-chunks';
import type { Collector } from '../types';
import { SsParser, type SsParse } from './parse-ss';
import { finishLinuxCollection, LiveOwners } from './linux-collection';

/** No -H: older ss lacks it and the parser skips the header anyway. -e adds ino/uid/v6only. */
export const SS_ARGS = ['-t', '-u', '-n', '-a', '-e'] as const;

interface SsRun {
  parse: SsParse;
  /** Whether ss printed anything but blanks. */
  printed: boolean;
  stderr: string;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
}

/** One run of ss at `file`, its lines parsed as they come (reusing `previous`'s rows). */
async function runSs(file: string, previous: SsParse | undefined, timeoutMs: number | undefined): Promise<SsRun> {
  const parser = new SsParser(previous);
  const lines = new LineChunks();
  const run = await streamFile(file, SS_ARGS, (chunk) => parser.add(lines.push(chunk)), { timeoutMs });
  parser.add(lines.end());
  return { parse: parser.result(), printed: parser.printed, stderr: run.stderr.toString('utf8'), exitCode: run.exitCode, signal: run.signal, timedOut: run.timedOut };
}

export interface SsTool {
  /** Where ss is (null: not installed); tests give a stand-in. */
  find?: () => Promise<string | null>;
  /** Defaults to streamFile's. */
  timeoutMs?: number;
}

export function createSsCollector(owners = new LiveOwners(), tool: SsTool = {}): Collector {
  const find = tool.find ?? (() => resolveTool('ss'));
  let last: SsParse | undefined;
  return {
    name: 'ss',
    available: async () => (await find()) !== null,
    async collect() {
      const file = await find();
      if (!file) throw new Error('ss is not installed');
      const running = runSs(file, last, tool.timeoutMs);
      owners.prefetch(); // a due full fd read needs no table: it runs while ss runs and we parse
      let run = await running;
      // A netlink dump that races heavy socket churn is flagged and may miss rows: take one more.
      if (/interrupted/i.test(run.stderr)) run = await runSs(file, last, tool.timeoutMs);
      // A table cut short would report its missing sockets as closed: a run that did not end by itself is an error.
      if (run.timedOut) throw new Error('ss did not finish in time');
      if (run.signal) throw new Error(`ss was stopped (${run.signal})`);
      if (run.exitCode !== 0 && !run.printed) throw new Error(`ss failed: ${run.stderr.trim() || `exit ${run.exitCode}`}`);
      last = run.parse;
      const rows = [...last.parsed.rows]; // the next poll pairs `last`'s rows with its lines by index: hand out a copy
      await owners.attach(rows);
      return finishLinuxCollection(rows, last.parsed.unparsed.length);
    },
  };
}
