/**
 * macOS process facts from `ps -o pid=,lstart=,user=,comm=,args= -p …` for the socket owners
 * (LC_ALL=C so lstart is English). `/bin/ps` by absolute path: GUI apps start with a short PATH.
 */
import type { ProcessFacts } from '../../../shared/types';
import type { ProcessFactsProvider } from '../types';
import { runFile } from '../../lib/exec';
import { parsePsLstart } from './parse-ps';

export const PS_PATH = '/bin/ps';
export const psArgs = (pids: readonly number[]): string[] => ['-ww', '-o', 'pid=,lstart=,user=,comm=,args=', '-p', pids.join(',')];

export const macosProcessProvider: ProcessFactsProvider = {
  name: 'ps',
  async collect(pids) {
    const wanted = [...new Set(pids)].filter((pid) => Number.isInteger(pid) && pid > 0);
    if (wanted.length === 0) return new Map<number, ProcessFacts>();
    try {
      const out = await runFile(PS_PATH, psArgs(wanted), { env: { ...process.env, LC_ALL: 'C' } });
      return parsePsLstart(out.stdout.toString('utf8')).byPid;
    } catch {
      return new Map<number, ProcessFacts>(); // ps missing: rows keep the names netstat/lsof gave
    }
  },
};
