/**
 * macOS collectors, best first: `netstat -anvl -p tcp` + `-p udp` (pid column found by its header in
 * every layout; `-l` prints IPv6 addresses in full, Apple's netstat cuts them to 16 chars without it), then `lsof -F` (only your own processes' sockets without root). Tools by absolute
 * path: GUI apps start with a short PATH. Names and start times come from the ps process provider.
 */
import { access, constants } from 'node:fs/promises';
import type { Collection, Collector } from '../types';
import { runFile } from '../../lib/exec';
import { parseNetstatMacos } from './parse-netstat-macos';
import { parseLsofF } from './parse-lsof';

export const NETSTAT_PATH = '/usr/sbin/netstat';
export const LSOF_PATH = '/usr/sbin/lsof';
export const NETSTAT_TCP_ARGS = ['-anvl', '-p', 'tcp'] as const;
export const NETSTAT_UDP_ARGS = ['-anvl', '-p', 'udp'] as const;
export const LSOF_ARGS = ['-nP', '-iTCP', '-iUDP', '-F', 'pcnPtTf'] as const;

const executable = async (file: string): Promise<boolean> =>
  access(file, constants.X_OK).then(
    () => true,
    () => false,
  );

const netstatMacosCollector: Collector = {
  name: 'netstat',
  available: () => executable(NETSTAT_PATH),
  async collect(): Promise<Collection> {
    const [tcp, udp] = await Promise.all([runFile(NETSTAT_PATH, NETSTAT_TCP_ARGS), runFile(NETSTAT_PATH, NETSTAT_UDP_ARGS)]);
    const rows = [];
    let unparsedLines = 0;
    for (const out of [tcp, udp]) {
      const parsed = parseNetstatMacos(out.stdout.toString('utf8'));
      rows.push(...parsed.rows);
      unparsedLines += parsed.unparsed.length;
    }
    return { rows, unparsedLines, ownersHidden: null };
  },
};

const lsofCollector: Collector = {
  name: 'lsof',
  available: () => executable(LSOF_PATH),
  async collect(): Promise<Collection> {
    const out = await runFile(LSOF_PATH, LSOF_ARGS); // exit 1 when nothing matched: still a valid (empty) answer
    const parsed = parseLsofF(out.stdout.toString('utf8'));
    const root = typeof process.getuid === 'function' && process.getuid() === 0;
    return {
      rows: parsed.rows,
      unparsedLines: parsed.unparsed.length,
      ownersHidden: root ? null : 'lsof lists only your own processes\u2019 sockets without root: run with sudo to see all of them.',
    };
  },
};

export const macosCollectors: Collector[] = [netstatMacosCollector, lsofCollector];
