/**
 * Process facts from /proc: name (comm), path (exe link), command line, user (status Uid), precise start
 * (stat field 22 + boot time), parent pid. Not systeminformation: its start time has one-second resolution
 * and cannot tell a reused pid apart, and it lists every process when we need only the socket owners.
 * One stat read per pid and round; the other files only for pids whose startKey is new. Sync reads on
 * purpose: /proc files are made in memory, and a sync read costs a tenth of fs/promises' thread-pool round
 * trips (65 processes: ~3 ms against 21–43); long rounds yield to the event loop between slices. Except
 * cmdline: reading it waits on the process's memory lock, which a stuck process may hold for good (what
 * hangs `ps`), so it stays off the main thread.
 */
import { readFileSync, readlinkSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Slicer, yieldToLoop } from '../../lib/time-slices';
import type { ProcessFacts } from '../../../shared/types';
import type { ProcessFactsProvider } from '../types';
import { parseBootTime, parseCmdline, parseProcStat, parseStatusUid, startTimeIso } from './parse-proc-files';
import { userName } from './user-names';

let bootTime: number | null | undefined;

function readBootTime(): number | null {
  if (bootTime === undefined) bootTime = parseBootTime(readText('/proc/stat') ?? '');
  return bootTime;
}

/** File text, or null when the process is gone (ENOENT/ESRCH) or hidden from us (EACCES). */
export function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function readLink(file: string): string | null {
  try {
    return readlinkSync(file).replace(/ \(deleted\)$/, '');
  } catch {
    return null;
  }
}

/** The kernel cuts comm at 15 chars; the exe name is the full one when it starts with the comm. */
function displayName(comm: string, exe: string | null): string {
  const base = exe?.slice(exe.lastIndexOf('/') + 1);
  return comm.length === 15 && base && base.startsWith(comm) ? base : comm;
}

async function readFacts(pid: number, known: ProcessFacts | undefined): Promise<ProcessFacts | null> {
  const stat = parseProcStat(readText(`/proc/${pid}/stat`) ?? '');
  if (!stat) return null;
  const startKey = String(stat.startTicks);
  if (known && known.startKey === startKey) return known;
  const exe = readLink(`/proc/${pid}/exe`);
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => null);
  const status = readText(`/proc/${pid}/status`);
  const boot = readBootTime();
  const uid = status === null ? null : parseStatusUid(status);
  return {
    pid,
    name: displayName(stat.comm, exe),
    path: exe,
    command: cmdline === null ? null : parseCmdline(cmdline),
    user: uid === null ? null : await userName(uid),
    started: boot === null ? null : startTimeIso(boot, stat.startTicks),
    startKey,
    services: [],
    parentPid: stat.parentPid,
  };
}

export const linuxProcessProvider: ProcessFactsProvider = {
  name: 'proc',
  userName,
  async collect(pids, known) {
    const facts = new Map<number, ProcessFacts>();
    const slicer = new Slicer();
    for (const pid of pids) {
      const found = await readFacts(pid, known.get(pid));
      if (found) facts.set(pid, found);
      if (slicer.due()) await yieldToLoop();
    }
    return facts;
  },
};
