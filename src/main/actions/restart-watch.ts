/**
 * After the owner of a port ended: watch the port for a few seconds. A new pid bound to it means a
 * supervisor brought it back; say which one (systemd unit, Docker container, Windows service, parent).
 */
import type { Supervisor } from '../../shared/actions';
import type { KillDeps } from './kill-deps';
import { sleep } from './kill-deps';
import { rowPids, rowsOnPort } from './socket-rows';

export interface Restart {
  newPid: number;
  supervisor: Supervisor;
  port: { protocol: 'tcp' | 'udp'; port: number };
}

/**
 * `ownersBefore`: every pid that held one of the ports before the kill (recorded by the plan). A process
 * that shared the socket all along (a parent and its forked worker) still holding it is not a restart.
 */
export async function watchForRestart(
  deps: KillDeps,
  ports: readonly { protocol: 'tcp' | 'udp'; port: number }[],
  endedPids: readonly number[],
  ownersBefore: readonly number[] = [],
): Promise<Restart | null> {
  if (ports.length === 0 || deps.restartWatchMs <= 0) return null;
  const known = new Set([...endedPids, ...ownersBefore]);
  const step = Math.max(deps.pollMs, 250);
  const deadline = Date.now() + deps.restartWatchMs;
  while (Date.now() < deadline) {
    await sleep(step);
    const rows = await deps.engine
      .snapshot()
      .then((s) => s.rows)
      .catch(() => []);
    for (const port of ports) {
      const newPid = rowsOnPort(rows, port.port, port.protocol)
        .flatMap(rowPids)
        .find((pid) => !known.has(pid));
      if (newPid !== undefined) return { newPid, supervisor: await whoRestarted(deps, newPid), port };
    }
  }
  return null;
}

async function whoRestarted(deps: KillDeps, pid: number): Promise<Supervisor> {
  const facts = (await deps.engine.processFacts(pid).catch(() => null)) ?? (await deps.ops.facts(pid).catch(() => null));
  const supervisor = await deps.ops.supervisor(pid, facts).catch(() => null);
  if (supervisor) return supervisor;
  const parentPid = facts?.parentPid ?? null;
  const parent = parentPid !== null ? ((await deps.engine.processFacts(parentPid).catch(() => null)) ?? (await deps.ops.facts(parentPid).catch(() => null))) : null;
  const name = parent?.name ? `its parent ${parent.name} (pid ${parentPid})` : parentPid !== null ? `its parent pid ${parentPid}` : 'an unknown supervisor';
  return { kind: 'parent', name, stopCommand: null };
}
