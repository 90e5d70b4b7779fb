/** Linux: everything from /proc (no process spawned), signals via process.kill, elevation via pkexec. */
import { readFile, readdir, readlink } from 'node:fs/promises';
import { elevatedSignal } from './elevated-signal';
import { parseCgroup, parseProcStat, type ProcEntry } from './proc-parse';
import { signalErrorResult, type ProcessOps } from './process-ops';
import type { ProcessFacts } from '../../shared/types';

async function readStat(pid: number): Promise<ProcEntry | null> {
  try {
    return parseProcStat(await readFile(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null;
  }
}

async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}

export function linuxProcessOps(): ProcessOps {
  return {
    rightsName: 'root',
    async table() {
      const names = await readdir('/proc').catch(() => [] as string[]);
      const stats = await Promise.all(names.filter((n) => /^\d+$/.test(n)).map((n) => readStat(Number(n))));
      return stats.filter((s): s is ProcEntry => s !== null);
    },
    async startKey(pid) {
      const stat = await readStat(pid);
      return stat ? stat.startKey : null;
    },
    async alive(pid) {
      const stat = await readStat(pid);
      return stat !== null && stat.state !== 'Z' && stat.state !== 'X';
    },
    async signal(pid, mode) {
      try {
        process.kill(pid, mode === 'force' ? 'SIGKILL' : 'SIGTERM');
        return { result: 'sent' };
      } catch (error) {
        return signalErrorResult(error);
      }
    },
    signalElevated: (pid, mode) => elevatedSignal('linux', pid, mode),
    async supervisor(pid) {
      const text = await readText(`/proc/${pid}/cgroup`);
      if (!text) return null;
      const facts = parseCgroup(text);
      if (facts.dockerContainer) {
        const short = facts.dockerContainer.slice(0, 12);
        return { kind: 'docker', name: `docker container ${short}`, stopCommand: ['docker', 'stop', short] };
      }
      if (facts.systemdUnit) return { kind: 'systemd', name: facts.systemdUnit, stopCommand: ['systemctl', 'stop', facts.systemdUnit] };
      return null;
    },
    async facts(pid): Promise<ProcessFacts | null> {
      const stat = await readStat(pid);
      if (!stat) return null;
      const [path, cmdline] = await Promise.all([readlink(`/proc/${pid}/exe`).catch(() => null), readText(`/proc/${pid}/cmdline`)]);
      return {
        pid,
        name: stat.name,
        path,
        command: cmdline ? cmdline.replace(/\0+$/, '').split('\0').join(' ') || null : null,
        user: null,
        started: null,
        startKey: stat.startKey,
        services: [],
        parentPid: stat.ppid,
      };
    },
    async privileged() {
      return typeof process.getuid === 'function' && process.getuid() === 0;
    },
  };
}
