/**
 * Linux: everything from /proc (no process spawned), signals via process.kill, elevation via pkexec.
 * The stat parser and the facts reader are the process area's (src/main/process/linux).
 */
import { readdir } from 'node:fs/promises';
import { parseProcStat } from '../process/linux/parse-proc-files';
import { linuxProcessProvider, readText } from '../process/linux/linux-process-provider';
import { parseCgroup, procStatState, type ProcEntry } from './proc-parse';
import { posixSignal, type ProcessOps } from './process-ops';
import { elevatedSignal } from './elevated-signal';
import { Slicer, yieldToLoop } from '../lib/time-slices';

/** Fresh (uncached) stat of one pid, or null when it is gone. */
function readStat(pid: number): ProcEntry | null {
  const text = readText(`/proc/${pid}/stat`);
  const stat = text === null ? null : parseProcStat(text);
  if (!stat || text === null) return null;
  return { pid, ppid: stat.parentPid, name: stat.comm, startKey: String(stat.startTicks), state: procStatState(text) ?? undefined };
}

export function linuxProcessOps(): ProcessOps {
  return {
    rightsName: 'root',
    async table() {
      const names = await readdir('/proc').catch(() => [] as string[]);
      const entries: ProcEntry[] = [];
      const slicer = new Slicer(); // thousands of processes: sync reads, but not one long block
      for (const name of names) {
        const entry = /^\d+$/.test(name) ? readStat(Number(name)) : null;
        if (entry) entries.push(entry);
        if (slicer.due()) await yieldToLoop();
      }
      return entries;
    },
    async status(pid) {
      const stat = readStat(pid);
      // A zombie is dead already (it only waits for its parent to collect the exit status), but keeps its
      // start key: a pinned zombie stays pinned.
      return { alive: stat !== null && stat.state !== 'Z' && stat.state !== 'X', startKey: stat ? stat.startKey : null };
    },
    signal: async (pid, mode) => posixSignal(pid, mode),
    signalElevated: (pid, mode, startKey) => elevatedSignal('linux', pid, mode, startKey ?? null),
    async supervisor(pid) {
      const text = readText(`/proc/${pid}/cgroup`);
      if (!text) return null;
      const facts = parseCgroup(text);
      if (facts.dockerContainer) {
        const short = facts.dockerContainer.slice(0, 12);
        return { kind: 'docker', name: `docker container ${short}`, stopCommand: ['docker', 'stop', short] };
      }
      if (facts.systemdUnit) return { kind: 'systemd', name: facts.systemdUnit, stopCommand: ['systemctl', 'stop', facts.systemdUnit] };
      return null;
    },
    async facts(pid) {
      return (await linuxProcessProvider.collect([pid], new Map())).get(pid) ?? null;
    },
    async privileged() {
      return typeof process.getuid === 'function' && process.getuid() === 0;
    },
  };
}
