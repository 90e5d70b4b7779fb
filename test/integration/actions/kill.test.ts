import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/main/engine/engine';
import { createActionHandlers } from '../../../src/main/service/action-handlers';
import { linuxProcessOps } from '../../../src/main/actions/process-ops-linux';
import type { KillOutcome, KillRequest } from '../../../src/shared/actions';
import { SCRIPTS, killStarted, startScript, type Started } from './test-processes';

const isLinux = process.platform === 'linux';
if (!isLinux) console.warn('kill integration tests skipped: they read /proc and use Linux signals');

const ops = linuxProcessOps();
const started: Started[] = [];
const extraPids: number[] = [];
const dataDir = mkdtempSync(path.join(tmpdir(), 'ps-actions-'));
const engine = createEngine({ intervalMs: 0, emit: () => undefined });
const handlers = createActionHandlers({ engine, dataDir, killDeps: { restartWatchMs: 800, forceWaitMs: 3000 } });

async function kill(req: KillRequest): Promise<KillOutcome> {
  const result = await handlers.kill(req);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

async function start(script: string): Promise<Started> {
  const s = await startScript(script);
  started.push(s);
  if (s.childPid) extraPids.push(s.childPid);
  return s;
}

afterAll(() => {
  engine.stop();
  killStarted([...started.map((s) => s.pid), ...extraPids]);
});

describe.skipIf(!isLinux)('kill (real child processes)', () => {
  let plannedTarget: Started;
  beforeAll(async () => {
    plannedTarget = await start(SCRIPTS.graceful);
  });

  it('plans without acting: name, pid, path, its ports, its children', async () => {
    const plan = await kill({ port: plannedTarget.port, confirm: false });
    expect(plan.result).toBe('planned');
    expect(plan.targets).toHaveLength(1);
    const [t] = plan.targets;
    expect(t?.pid).toBe(plannedTarget.pid);
    expect(t?.name).toBe('node');
    expect(t?.path).toBe(process.execPath);
    expect(t?.ports).toContain(`tcp 127.0.0.1:${plannedTarget.port} LISTEN`);
    expect(t?.startKey).toMatch(/^\d+$/);
    expect(plan.message).toMatch(/SIGTERM first, then SIGKILL after 5 s/);
    expect((await ops.status(plannedTarget.pid)).alive).toBe(true);
  });

  it('kills by port, gracefully: SIGTERM ends it and the result says "ended"', async () => {
    const s = await start(SCRIPTS.graceful);
    const outcome = await kill({ port: s.port, confirm: true, graceMs: 5000 });
    expect(outcome.result).toBe('ended');
    expect(outcome.forced).toBe(false);
    expect(outcome.message).toMatch(new RegExp(`ended node \\(pid ${s.pid}\\) after SIGTERM`));
    expect((await s.exited).signal).toBe('SIGTERM');
  });

  it('escalates for a process that ignores SIGTERM and says it was forced', async () => {
    const s = await start(SCRIPTS.stubborn);
    const outcome = await kill({ pid: s.pid, confirm: true, graceMs: 300 });
    expect(outcome.result).toBe('ended');
    expect(outcome.forced).toBe(true);
    expect(outcome.message).toMatch(/ignored SIGTERM for 300 ms and was forced with SIGKILL/);
    expect((await s.exited).signal).toBe('SIGKILL');
  });

  it('ends a process tree: the process and its own child', async () => {
    const s = await start(SCRIPTS.tree);
    const plan = await kill({ pid: s.pid, tree: true, confirm: false });
    expect(plan.targets.map((t) => [t.pid, t.role])).toEqual([
      [s.pid, 'target'],
      [s.childPid, 'child'],
    ]);
    expect(plan.targets[0]?.children).toEqual([s.childPid]);
    const outcome = await kill({ pid: s.pid, tree: true, confirm: true, graceMs: 2000 });
    expect(outcome.result).toBe('ended');
    expect(outcome.message).toMatch(/and 1 child process/);
    await s.exited;
    expect((await ops.status(s.pid)).alive).toBe(false);
    expect((await ops.status(s.childPid as number)).alive).toBe(false);
  });

  it('without tree, says the children keep running', async () => {
    const s = await start(SCRIPTS.tree);
    const plan = await kill({ pid: s.pid, confirm: false });
    expect(plan.message).toMatch(/Its 1 child process will keep running/);
  });

  it('refuses a stale fingerprint (the pid is now a different process) and leaves it running', async () => {
    const s = await start(SCRIPTS.graceful);
    const outcome = await kill({ pid: s.pid, startKey: '12345', confirm: true });
    expect(outcome.result).toBe('refused-stale');
    expect(outcome.message).toMatch(new RegExp(`pid ${s.pid} is now a different process`));
    expect((await ops.status(s.pid)).alive).toBe(true);
    // The right fingerprint is accepted.
    const key = (await ops.status(s.pid)).startKey;
    expect((await kill({ pid: s.pid, startKey: key, confirm: true, graceMs: 2000 })).result).toBe('ended');
  });

  it('a zombie is ended but keeps its start key (one /proc read gives both): a wrong fingerprint is still refused', async () => {
    // sh starts `sleep 0`, then becomes `sleep 60`, which never reaps it: a zombie until its parent ends.
    const parent = spawn('/bin/sh', ['-c', 'sleep 0 & echo $!; exec sleep 60'], { stdio: ['ignore', 'pipe', 'ignore'] });
    extraPids.push(parent.pid as number);
    const zombie = Number(await new Promise<string>((resolve) => parent.stdout.once('data', (d: Buffer) => resolve(d.toString()))));
    for (let i = 0; i < 50 && !/\) Z /.test(readFileSync(`/proc/${zombie}/stat`, 'utf8')); i++) await new Promise((r) => setTimeout(r, 100));
    const status = await ops.status(zombie);
    expect(status.alive).toBe(false);
    expect(status.startKey).toMatch(/^\d+$/);
    const stale = await kill({ pid: zombie, startKey: String(Number(status.startKey) + 1), confirm: true });
    expect(stale.result).toBe('refused-stale');
    const same = await kill({ pid: zombie, startKey: status.startKey, confirm: true });
    expect(same.result).toBe('not-found');
    expect(same.message).toMatch(/^already ended: .*nothing was signalled/);
    parent.kill('SIGKILL');
  });

  it('refuses pid 1, PortScope itself and its own parent', async () => {
    const one = await kill({ pid: 1, confirm: true });
    expect(one.result).toBe('refused-protected');
    expect(one.message).toMatch(/pid 1 is the init process/);
    const self = await kill({ pid: process.pid, confirm: true });
    expect(self.result).toBe('refused-protected');
    expect(self.message).toMatch(/PortScope itself/);
    const parent = await kill({ pid: process.ppid, confirm: true });
    expect(parent.result).toBe('refused-protected');
    expect(parent.message).toMatch(/started PortScope/);
    expect((await ops.status(process.ppid)).alive).toBe(true);
  });

  it('says who restarted it when a new pid binds the same port', async () => {
    const sup = await start(SCRIPTS.supervisor);
    const outcome = await kill({ port: sup.port, confirm: true, graceMs: 2000 });
    expect(outcome.result).toBe('restarted');
    expect(outcome.restartedBy?.newPid).toBeGreaterThan(0);
    expect(outcome.restartedBy?.newPid).not.toBe(sup.childPid);
    expect(outcome.message).toMatch(new RegExp(`restarted by its parent node \\(pid ${sup.pid}\\) as pid ${outcome.restartedBy?.newPid}`));
    extraPids.push(outcome.restartedBy?.newPid as number);
  });

  it('reports not-found for a free port and a pid that does not exist', async () => {
    expect((await kill({ port: 1, confirm: true })).result).toBe('not-found');
    expect((await kill({ pid: 2 ** 22 + 7, confirm: false })).result).toBe('not-found');
  });

  it('writes every confirmed attempt to the audit log, newest first', async () => {
    const log = await handlers.auditLog({});
    expect(log.ok).toBe(true);
    const entries = log.ok ? log.value : [];
    expect(entries.length).toBeGreaterThanOrEqual(5);
    expect(entries[0]?.action).toBe('kill');
    expect(entries.some((e) => /^port \d+ \(pid \d+ node\)$/.test(e.target) && e.result.startsWith('ended: '))).toBe(true);
    expect(entries.some((e) => /^pid 1\b/.test(e.target) && e.result.startsWith('refused-protected'))).toBe(true);
  });
});
