/** `ss -tunape` (netlink: fast, every owner of shared sockets, zones, V6ONLY) — the Linux first choice. */
import { resolveTool, runTool } from '../../lib/exec';
import type { Collector } from '../types';
import { parseSs } from './parse-ss';
import { finishLinuxCollection } from './linux-collection';

/** No -H: older ss lacks it and the parser skips the header anyway. -e adds ino/uid/v6only. */
export const SS_ARGS = ['-t', '-u', '-n', '-a', '-p', '-e'] as const;

export const ssCollector: Collector = {
  name: 'ss',
  available: async () => (await resolveTool('ss')) !== null,
  async collect() {
    let out = await runTool('ss', SS_ARGS);
    // A netlink dump that races heavy socket churn is flagged and may miss rows: take one more.
    if (out && /interrupted/i.test(out.stderr.toString('utf8'))) out = await runTool('ss', SS_ARGS);
    if (!out) throw new Error('ss is not installed');
    const text = out.stdout.toString('utf8');
    if (out.exitCode !== 0 && text.trim() === '') {
      throw new Error(`ss failed: ${out.stderr.toString('utf8').trim() || `exit ${out.exitCode}`}`);
    }
    const parsed = parseSs(text);
    return finishLinuxCollection(parsed.rows, parsed.unparsed.length);
  },
};
