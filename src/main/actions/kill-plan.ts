/**
 * The kill plan: what would end (targets, children, ports, supervisors) and whether PortScope refuses.
 * Built for `confirm: false` (the confirmation dialog / CLI prompt) and again right before acting.
 */
import type { KillOutcome, KillPlanEntry, KillRequest, Supervisor } from '../../shared/actions';
import type { ProcessFacts, SocketRow } from '../../shared/types';
import type { KillDeps } from './kill-deps';
import { signalWords } from './kill-deps';
import { ancestors, descendants } from './process-tree';
import { protectedReason } from './protected-targets';
import { portsOfPid, rowPids, rowsOnPort, isBoundRow } from './socket-rows';
import type { ProcEntry } from './proc-parse';
import type { ProcessStatus } from './process-ops';

export interface KillPlan {
  targets: KillPlanEntry[];
  /** The pids asked for (by pid, or every owner of the port). */
  rootPids: number[];
  /** Bound sockets of the roots, watched afterwards for a restart. */
  watchedPorts: { protocol: 'tcp' | 'udp'; port: number }[];
  /**
   * Every pid that held a watched port before the kill (the roots and any process sharing the socket, e.g.
   * a parent and its forked worker). Seeing one of these on the port afterwards is not a restart.
   */
  portOwnersBefore: number[];
  /** Pinned roots that had already ended when the plan was made (nothing to signal for them). */
  alreadyEnded: number[];
  graceMs: number;
  offer: Supervisor | null;
}

/** Either a plan to act on, or the outcome that ends the request here (not found / refused). */
export type PlanResult = { ok: true; plan: KillPlan } | { ok: false; outcome: KillOutcome };

/**
 * One look at a pid per check: alive, and its start fingerprint (null = gone or unknown). On Linux both come
 * from one /proc read; elsewhere liveness is signal 0 and the key the engine's process facts.
 */
export async function currentStatus(deps: KillDeps, pid: number): Promise<ProcessStatus & { startKey: string | null }> {
  const { alive, startKey } = await deps.ops.status(pid);
  if (startKey !== undefined) return { alive, startKey };
  if (!alive) return { alive, startKey: null };
  return { alive, startKey: (await deps.engine.processFacts(pid).catch(() => null))?.startKey ?? null };
}

async function factsOf(deps: KillDeps, pid: number): Promise<ProcessFacts | null> {
  const fromEngine = await deps.engine.processFacts(pid).catch(() => null);
  if (fromEngine && fromEngine.path !== null) return fromEngine;
  const own = await deps.ops.facts(pid).catch(() => null);
  if (!fromEngine) return own;
  return own ? { ...own, ...stripNulls(fromEngine) } : fromEngine;
}

function stripNulls(facts: ProcessFacts): Partial<ProcessFacts> {
  return Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== null)) as Partial<ProcessFacts>;
}

const label = (e: Pick<KillPlanEntry, 'pid' | 'name'>): string => (e.name ? `${e.name} (pid ${e.pid})` : `pid ${e.pid}`);

export async function planKill(req: KillRequest, deps: KillDeps): Promise<PlanResult> {
  const graceMs = req.graceMs ?? deps.defaultGraceMs;
  const method = { graceful: !req.force, graceMs, tree: Boolean(req.tree) };
  const stop = (result: KillOutcome['result'], message: string, targets: KillPlanEntry[] = []): PlanResult => ({
    ok: false,
    outcome: { result, message, targets, method },
  });

  const rows: SocketRow[] = await deps.engine
    .snapshot()
    .then((s) => s.rows)
    .catch(() => []);

  let rootPids: number[];
  // pid -> the fingerprint the caller saw (null = not pinned).
  const pins = new Map<number, string | null>();
  if (req.targets && req.targets.length > 0) {
    for (const t of req.targets) if (!pins.has(t.pid) || t.startKey) pins.set(t.pid, t.startKey ?? null);
    rootPids = [...pins.keys()];
  } else if (req.pid !== undefined) {
    rootPids = [req.pid];
    pins.set(req.pid, req.startKey ?? null);
  } else if (req.port !== undefined) {
    const onPort = rowsOnPort(rows, req.port, req.protocol);
    rootPids = [...new Set(onPort.flatMap(rowPids))];
    const proto = req.protocol ? `${req.protocol} ` : '';
    if (onPort.length === 0) return stop('not-found', `nothing listens on ${proto}port ${req.port}`);
    if (rootPids.length === 0) {
      const why = onPort.find((r) => r.ownerHidden)?.ownerHidden;
      return stop('not-found', `${proto}port ${req.port} is bound, but the OS hides its owner${why ? ` (${why})` : ''}: run PortScope as root/administrator to see and end it`);
    }
  } else {
    return stop('not-found', 'give a pid or a port');
  }

  const table: ProcEntry[] = await deps.ops.table().catch(() => []);
  const ctx = { platform: deps.platform, selfPid: deps.selfPid, selfAncestors: ancestors(table, deps.selfPid) };

  const entry = async (pid: number, role: 'target' | 'child'): Promise<KillPlanEntry | null> => {
    const [facts, { alive, startKey }] = await Promise.all([factsOf(deps, pid), currentStatus(deps, pid)]);
    if (!facts && startKey === null && !alive) return null;
    const fromTable = table.find((e) => e.pid === pid);
    const services = facts?.services.length ? facts.services : [...new Set(rows.filter((r) => rowPids(r).includes(pid)).flatMap((r) => r.services))];
    const name = facts?.name ?? fromTable?.name ?? null;
    return {
      pid,
      name,
      path: facts?.path ?? null,
      startKey,
      ports: portsOfPid(rows, pid),
      children: descendants(table, pid),
      services,
      role,
      parentPid: facts?.parentPid ?? fromTable?.ppid ?? null,
      user: facts?.user ?? null,
      command: facts?.command ?? null,
      started: facts?.started ?? null,
      protectedReason: protectedReason({ pid, name, services }, ctx),
      supervisor: role === 'target' ? await deps.ops.supervisor(pid, facts).catch(() => null) : null,
    };
  };

  const found = await Promise.all(rootPids.map((pid) => entry(pid, 'target')));
  const roots = found.filter((e): e is KillPlanEntry => e !== null);
  const alreadyEnded = rootPids.filter((_, i) => found[i] === null);
  if (roots.length === 0) {
    if (req.targets && req.targets.length > 0) {
      return stop('not-found', `already ended: ${alreadyEnded.map((pid) => `pid ${pid}`).join(', ')} ${alreadyEnded.length === 1 ? 'is' : 'are'} no longer running; nothing was signalled`);
    }
    return stop('not-found', req.pid !== undefined ? `no process with pid ${req.pid} is running` : `the owner of port ${req.port} has already ended`);
  }
  const targets = [...roots];
  if (req.tree) {
    const childPids = [...new Set(roots.flatMap((r) => r.children))].filter((pid) => !rootPids.includes(pid));
    const children = await Promise.all(childPids.map((pid) => entry(pid, 'child')));
    targets.push(...children.filter((e): e is KillPlanEntry => e !== null));
  }

  const guarded = targets.filter((t) => t.protectedReason);
  if (guarded.length > 0) {
    return stop('refused-protected', `refused: ${guarded.map((t) => t.protectedReason).join('; ')}`, targets);
  }

  // The caller's fingerprints (from the rows / confirmation on screen) must still match the processes now behind the pids.
  // The legacy port + startKey form pins the owner only when the port has exactly one.
  if (req.startKey && pins.size === 0 && roots.length === 1) pins.set((roots[0] as KillPlanEntry).pid, req.startKey);
  const stale = roots.filter((r) => {
    const pin = pins.get(r.pid) ?? null;
    return pin !== null && r.startKey !== null && r.startKey !== pin;
  });
  if (stale.length > 0) {
    const what = stale.map((r) => `pid ${r.pid} is now a different process (${r.name ?? 'unknown'}, started ${r.started ?? `at ${r.startKey ?? '?'}`})`).join('; ');
    return stop('refused-stale', `refused: ${what} than the one you saw; nothing was signalled — refresh the list and try again`, targets);
  }

  const watchedRows = rows.filter((r) => isBoundRow(r) && rowPids(r).some((pid) => rootPids.includes(pid)));
  const watchedPorts = dedupePorts(watchedRows.map((r) => ({ protocol: r.protocol, port: r.localPort })));
  // Everyone on those ports now (a parent sharing its listener with the worker being ended is not a restart later).
  const portOwnersBefore = [...new Set(watchedPorts.flatMap((p) => rowsOnPort(rows, p.port, p.protocol).flatMap(rowPids)))];
  const offer = roots.find((r) => r.supervisor && r.supervisor.kind !== 'parent')?.supervisor ?? null;
  return {
    ok: true,
    plan: { targets, rootPids: roots.map((r) => r.pid), watchedPorts, portOwnersBefore, alreadyEnded, graceMs, offer },
  };
}

function dedupePorts(ports: { protocol: 'tcp' | 'udp'; port: number }[]): { protocol: 'tcp' | 'udp'; port: number }[] {
  const seen = new Map(ports.map((p) => [`${p.protocol}/${p.port}`, p] as const));
  return [...seen.values()];
}

/** The confirmation sentence: what ends, how, and what might bring it back. */
export function describePlan(plan: KillPlan, req: KillRequest, platform: NodeJS.Platform): string {
  const words = signalWords(platform);
  const roots = plan.targets.filter((t) => t.role === 'target');
  const children = plan.targets.filter((t) => t.role === 'child');
  const rootText = roots
    .map((r) => `${label(r)}${r.path ? ` ${r.path}` : ''}${r.ports.length ? ` holding ${r.ports.slice(0, 3).join(', ')}${r.ports.length > 3 ? ', …' : ''}` : ''}`)
    .join('; ');
  const childText = children.length > 0 ? `, and its ${children.length} ${children.length === 1 ? 'child' : 'children'} (${children.map(label).join(', ')})` : '';
  const left = req.tree ? 0 : roots.reduce((n, r) => n + r.children.length, 0);
  const leftText = left > 0 ? ` Its ${left} child process${left === 1 ? '' : 'es'} will keep running (use tree to end them too).` : '';
  const how = req.force ? `with ${words.force} at once` : `with ${words.graceful} first, then ${words.force} after ${formatMs(plan.graceMs)} if it is still running`;
  const offer = plan.offer
    ? ` It runs under ${plan.offer.name}, which may start it again${plan.offer.stopCommand ? `; \`${plan.offer.stopCommand.join(' ')}\` stops it for good` : ''}.`
    : '';
  return `would end ${rootText}${childText} ${how}.${leftText}${offer}`;
}

export function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
