/**
 * `ss -tunae` (netlink: fast, zones, V6ONLY, the socket's inode and uid) — the Linux first choice. No `-p`:
 * ss would walk every process's fds on each call (most of its cost at 40k sockets); the owner index
 * walks them once and then only what changed. Unchanged lines keep their parsed row between polls.
 */
import { resolveTool, runTool } from '../../lib/exec';
import type { Collector } from '../types';
import { parseSsReusing, type SsParse } from './parse-ss';
import { finishLinuxCollection, LiveOwners } from './linux-collection';

/** No -H: older ss lacks it and the parser skips the header anyway. -e adds ino/uid/v6only. */
export const SS_ARGS = ['-t', '-u', '-n', '-a', '-e'] as const;

export function createSsCollector(owners = new LiveOwners()): Collector {
  let last: SsParse | undefined;
  return {
    name: 'ss',
    available: async () => (await resolveTool('ss')) !== null,
    async collect() {
      const running = runTool('ss', SS_ARGS);
      owners.prefetch(); // a due full fd read needs no table: it runs while ss runs and we parse
      let out = await running;
      // A netlink dump that races heavy socket churn is flagged and may miss rows: take one more.
      if (out && /interrupted/i.test(out.stderr.toString('utf8'))) out = await runTool('ss', SS_ARGS);
      if (!out) throw new Error('ss is not installed');
      const text = out.stdout.toString('utf8');
      if (out.exitCode !== 0 && text.trim() === '') {
        throw new Error(`ss failed: ${out.stderr.toString('utf8').trim() || `exit ${out.exitCode}`}`);
      }
      last = parseSsReusing(text, last);
      const rows = [...last.parsed.rows]; // the next poll pairs `last`'s rows with its lines by index: hand out a copy
      await owners.attach(rows);
      return finishLinuxCollection(rows, last.parsed.unparsed.length);
    },
  };
}
