/**
 * Honest kill results when the world changes between the plan and the signal: a target that already
 * ended is "already ended" (nothing signalled), a reused pid is refused as stale — never "ended after SIGTERM".
 * Also: every root pinned by pid and startKey (`targets`), and the restart watch ignoring pre-existing owners.
 */
import { describe, expect, it } from 'vitest';
import { executeKillPlan, killProcess } from '../../../src/main/actions/kill';
import { planKill } from '../../../src/main/actions/kill-plan';
import type { KillDeps } from '../../../src/main/actions/kill-deps';
import type { ProcessOps, SignalAttempt, SignalMode } from '../../../src/main/actions/process-ops';
import type { ProcessFacts, Snapshot, SocketRow } from '../../../src/shared/types';
import type { KillRequest } from '../../../src/shared/actions';
import { apiInputSchemas } from '../../../src/shared/api-schemas';
import { makeRow } from '../renderer/make-row';

interface FakeProc {
  startKey: string;
  alive: boolean;
  /** Ends on this signal mode (default: graceful). */
  endsOn?: SignalMode | 'never';
}

function listenRow(port: number, pids: number[]): SocketRow {
  return makeRow({
    id: `tcp-${port}-${pids.join(',')}`,
    localAddress: '127.0.0.1',
    localPort: port,
    owners: pids.map((pid) => ({ pid, processName: 'srv' })),
    uid: 1000,
    pid: pids[0] ?? null,
    processName: 'srv',
    user: null,
    processPath: null,
    processCommand: null,
    processStarted: null,
    meaning: null,
  });
}

function world(procs: Record<number, FakeProc>, rows: () => SocketRow[] = () => []) {
  const signals: { pid: number; mode: SignalMode; elevated: boolean; startKey?: string | null }[] = [];
  const looks: number[] = [];
  let elevatedAnswer: SignalAttempt = { result: 'sent' };
  const deliver = (pid: number, mode: SignalMode): SignalAttempt => {
    const p = procs[pid];
    if (!p || !p.alive) return { result: 'gone' };
    if (p.endsOn !== 'never' && (mode === 'force' || (p.endsOn ?? 'graceful') === 'graceful')) p.alive = false;
    return { result: 'sent' };
  };
  const ops: ProcessOps = {
    rightsName: 'root',
    table: async () => Object.keys(procs).map((pid) => ({ pid: Number(pid), ppid: 1, name: 'srv', startKey: procs[Number(pid)]?.startKey ?? null })),
    status: async (pid) => {
      looks.push(pid);
      return procs[pid]?.alive ? { alive: true, startKey: procs[pid].startKey } : { alive: false, startKey: null };
    },
    signal: async (pid, mode) => {
      signals.push({ pid, mode, elevated: false });
      return deliver(pid, mode);
    },
    signalElevated: async (pid, mode, startKey) => {
      signals.push({ pid, mode, elevated: true, startKey });
      return elevatedAnswer;
    },
    supervisor: async () => null,
    facts: async () => null,
    privileged: async () => false,
  };
  const facts = (pid: number): ProcessFacts | null =>
    procs[pid]?.alive
      ? { pid, name: 'srv', path: '/usr/bin/srv', command: null, user: null, started: null, startKey: procs[pid].startKey, services: [], parentPid: 1 }
      : null;
  const snapshot = async (): Promise<Snapshot> => ({ seq: 1, takenAt: '', costMs: 0, source: 'fake', rows: rows(), unparsedLines: 0, ownersHidden: null });
  const deps: KillDeps = {
    engine: { snapshot, processFacts: async (pid) => facts(pid) },
    ops,
    platform: 'linux',
    selfPid: 99_999,
    defaultGraceMs: 50,
    forceWaitMs: 50,
    restartWatchMs: 0,
    pollMs: 5,
  };
  return {
    deps,
    signals,
    /** pid of every ops.status call, in order. */
    looks,
    setElevatedAnswer: (a: SignalAttempt) => {
      elevatedAnswer = a;
    },
  };
}

async function planThen(req: KillRequest, w: ReturnType<typeof world>, change: () => void) {
  const planned = await planKill(req, w.deps);
  if (!planned.ok) throw new Error(planned.outcome.message);
  change();
  return executeKillPlan(planned.plan, req, w.deps);
}

describe('kill: the target changed between the plan and the signal', () => {
  it('already ended: nothing signalled, result not-found, never "ended after SIGTERM"', async () => {
    const procs: Record<number, FakeProc> = { 500: { startKey: '111', alive: true } };
    const w = world(procs);
    const outcome = await planThen({ pid: 500, confirm: true }, w, () => {
      procs[500] = { startKey: '111', alive: false };
    });
    expect(outcome.result).toBe('not-found');
    expect(outcome.message).toMatch(/^already ended: srv \(pid 500\) had ended before it could be signalled; nothing was signalled/);
    expect(outcome.message).not.toMatch(/SIGTERM/);
    expect(w.signals).toEqual([]);
  });

  it('pid reused right before the signal: refused as stale, the new process is not signalled', async () => {
    const procs: Record<number, FakeProc> = { 500: { startKey: '111', alive: true } };
    const w = world(procs);
    const outcome = await planThen({ pid: 500, confirm: true }, w, () => {
      procs[500] = { startKey: '222', alive: true };
    });
    expect(outcome.result).toBe('refused-stale');
    expect(outcome.message).toMatch(/pid 500 is now a different process/);
    expect(w.signals).toEqual([]);
    expect(procs[500]?.alive).toBe(true);
  });

  it('ESRCH at the signal (ended in the last instant) is "already ended", not "ended"', async () => {
    const procs: Record<number, FakeProc> = { 500: { startKey: '111', alive: true } };
    const w = world(procs);
    w.deps.ops.signal = async () => ({ result: 'gone' });
    const outcome = await killProcess({ pid: 500, confirm: true }, w.deps);
    expect(outcome.result).toBe('not-found');
    expect(outcome.message).toMatch(/^already ended/);
  });

  it('the elevated helper answering "stale" (its own start-time re-check) is refused, with the fingerprint passed to it', async () => {
    const procs: Record<number, FakeProc> = { 500: { startKey: '111', alive: true } };
    const w = world(procs);
    w.deps.ops.signal = async () => ({ result: 'denied', detail: 'EPERM' });
    w.setElevatedAnswer({ result: 'stale' });
    const outcome = await killProcess({ pid: 500, confirm: true, elevate: true }, w.deps);
    expect(outcome.result).toBe('refused-stale');
    expect(w.signals).toEqual([{ pid: 500, mode: 'graceful', elevated: true, startKey: '111' }]);
  });

  it('one of two roots ended already: the other is ended and the message says which was not signalled', async () => {
    const procs: Record<number, FakeProc> = { 500: { startKey: '111', alive: true }, 501: { startKey: '112', alive: true } };
    const w = world(procs, () => [listenRow(8080, [500, 501])]);
    const outcome = await planThen({ port: 8080, confirm: true }, w, () => {
      procs[501] = { startKey: '112', alive: false };
    });
    expect(outcome.result).toBe('ended');
    expect(outcome.message).toMatch(/^ended srv \(pid 500\) after SIGTERM; srv \(pid 501\) had already ended \(not signalled\)/);
    expect(w.signals.map((s) => s.pid)).toEqual([500]);
  });
});

describe('kill: one look per check', () => {
  it('reads each pid once per decision: the plan, the pre-signal re-check, the re-check at the signal, each poll', async () => {
    const procs: Record<number, FakeProc> = { 500: { startKey: '111', alive: true } };
    const w = world(procs);
    const outcome = await killProcess({ pid: 500, confirm: true }, w.deps);
    expect(outcome.result).toBe('ended');
    // It ends on SIGTERM, so the first poll already sees it gone.
    expect(w.looks).toEqual([500, 500, 500, 500]);
  });
});

describe('kill: every root pinned by pid and startKey', () => {
  it('accepts targets: [{pid, startKey}] in the schema, keeps pid + startKey, and needs one of pid / port / targets', () => {
    expect(apiInputSchemas.kill.safeParse({ targets: [{ pid: 5, startKey: '1' }, { pid: 6, startKey: null }], confirm: true }).success).toBe(true);
    expect(apiInputSchemas.kill.safeParse({ port: 80, targets: [{ pid: 5, startKey: '1' }], confirm: true, graceMs: 250 }).success).toBe(true);
    expect(apiInputSchemas.kill.safeParse({ pid: 5, startKey: '1', confirm: true }).success).toBe(true);
    expect(apiInputSchemas.kill.safeParse({ targets: [], confirm: true }).success).toBe(false);
    expect(apiInputSchemas.kill.safeParse({ targets: [{ pid: 5, extra: 1 }], confirm: true }).success).toBe(false);
  });

  it('refuses when any pinned root was reused (not only a single root) and signals nothing', async () => {
    const procs: Record<number, FakeProc> = { 500: { startKey: '111', alive: true }, 501: { startKey: '999', alive: true } };
    const w = world(procs, () => [listenRow(8080, [500, 501])]);
    const outcome = await killProcess({ port: 8080, targets: [{ pid: 500, startKey: '111' }, { pid: 501, startKey: '112' }], confirm: true }, w.deps);
    expect(outcome.result).toBe('refused-stale');
    expect(outcome.message).toMatch(/pid 501 is now a different process/);
    expect(w.signals).toEqual([]);
  });

  it('ends exactly the pinned roots, not a new owner of the port that the confirmation did not show', async () => {
    const procs: Record<number, FakeProc> = { 500: { startKey: '111', alive: true }, 502: { startKey: '300', alive: true } };
    const w = world(procs, () => [listenRow(8080, [500, 502])]);
    const outcome = await killProcess({ port: 8080, targets: [{ pid: 500, startKey: '111' }], confirm: true }, w.deps);
    expect(outcome.result).toBe('ended');
    expect(w.signals.map((s) => s.pid)).toEqual([500]);
    expect(procs[502]?.alive).toBe(true);
  });

  it('says "already ended" when every pinned root is gone', async () => {
    const w = world({});
    const outcome = await killProcess({ targets: [{ pid: 700, startKey: '1' }], confirm: true }, w.deps);
    expect(outcome.result).toBe('not-found');
    expect(outcome.message).toMatch(/^already ended: pid 700 is no longer running; nothing was signalled/);
  });
});

describe('kill: restart watch', () => {
  it('a process that shared the port before the kill is not "restarted by …"; a new pid is', async () => {
    const procs: Record<number, FakeProc> = { 600: { startKey: '1', alive: true }, 601: { startKey: '2', alive: true } };
    let rows = [listenRow(9090, [600, 601])];
    const w = world(procs, () => rows);
    w.deps.restartWatchMs = 300;
    const ended = await killProcess({ pid: 601, confirm: true }, w.deps);
    rows = [listenRow(9090, [600])];
    expect(ended.result).toBe('ended');
    expect(ended.message).not.toMatch(/restarted/);

    procs[601] = { startKey: '2', alive: true };
    rows = [listenRow(9090, [600, 601])];
    const planned = await planKill({ pid: 601, confirm: true }, w.deps);
    if (!planned.ok) throw new Error(planned.outcome.message);
    rows = [listenRow(9090, [600, 777])];
    const restarted = await executeKillPlan(planned.plan, { pid: 601, confirm: true }, w.deps);
    expect(restarted.result).toBe('restarted');
    expect(restarted.restartedBy?.newPid).toBe(777);
  });
});
