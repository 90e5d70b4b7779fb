/** macOS (and other Unixes): `ps` for the parent table, process.kill for signals, osascript for elevation. */
import { runTool } from '../lib/exec';
import { parsePsTable } from './proc-parse';
import { posixSignal, signalZeroStatus, type ProcessOps } from './process-ops';
import { elevatedSignal } from './elevated-signal';

export function macosProcessOps(): ProcessOps {
  return {
    rightsName: 'administrator',
    async table() {
      const out = await runTool('ps', ['-A', '-o', 'pid=,ppid=,comm=']);
      return out ? parsePsTable(out.stdout.toString('utf8')) : [];
    },
    status: async (pid) => signalZeroStatus(pid),
    signal: async (pid, mode) => posixSignal(pid, mode),
    signalElevated: (pid, mode, startKey) => elevatedSignal('darwin', pid, mode, startKey ?? null),
    async supervisor(pid) {
      const out = await runTool('ps', ['-o', 'ppid=', '-p', String(pid)]);
      const ppid = Number(out?.stdout.toString().trim());
      // launchd (pid 1) restarts jobs with KeepAlive; `launchctl bootout` is the way to stop those.
      return ppid === 1 ? { kind: 'launchd', name: 'launchd', stopCommand: null } : null;
    },
    async facts(pid) {
      const out = await runTool('ps', ['-o', 'ppid=,comm=', '-p', String(pid)]);
      const m = /^\s*(\d+)\s+(.*)$/.exec(out?.stdout.toString().trim() ?? '');
      if (!m) return null;
      const path = (m[2] ?? '').trim() || null;
      return { pid, name: path?.split('/').pop() ?? null, path, command: null, user: null, started: null, startKey: null, services: [], parentPid: Number(m[1]) };
    },
    async privileged() {
      return typeof process.getuid === 'function' && process.getuid() === 0;
    },
  };
}
