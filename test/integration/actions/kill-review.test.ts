/**
 * Real child processes for the review fixes: a parent and its forked child sharing one listener (no false
 * "restarted by its parent"), every root pinned by pid + startKey, an already-ended target reported as
 * such, and graceMs honoured through the service's validated dispatch.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/main/engine/engine';
import { createActionHandlers } from '../../../src/main/service/action-handlers';
import { createService } from '../../../src/main/service/index';
import { linuxProcessOps } from '../../../src/main/actions/process-ops-linux';
import { defaultKillDeps } from '../../../src/main/actions/kill-deps';
import { planKill } from '../../../src/main/actions/kill-plan';
import { executeKillPlan } from '../../../src/main/actions/kill';
import { runCli } from '../../../src/main/cli/index';
import type { KillOutcome, KillRequest } from '../../../src/shared/actions';
import { memoryIo } from '../../helpers/cli-io';
import { SCRIPTS, killStarted, startScript, type Started } from './test-processes';

const isLinux = process.platform === 'linux';
if (!isLinux) console.warn('kill review integration tests skipped: they read /proc and use Linux signals');

/** A parent that listens and hands the same listening socket to a child (both hold it, like a forked worker). */
const SHARED = `const report = (o) => process.stdout.write(JSON.stringify(o) + '\\n');
  const s = require('net').createServer().listen(0, '127.0.0.1', () => {
    const c = require('child_process').spawn(process.execPath, ['-e', "process.on('message', (m, srv) => { if (m === 'server') { globalThis.keep = srv; process.send('ready'); } });"], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    c.on('message', (m) => { if (m === 'ready') report({ pid: process.pid, port: s.address().port, childPid: c.pid }); });
    c.send('server', s);
  });`;

const ops = linuxProcessOps();
const started: Started[] = [];
const extra: number[] = [];
const dataDir = mkdtempSync(path.join(tmpdir(), 'ps-review-'));
const engine = createEngine({ intervalMs: 0, emit: () => undefined });
const handlers = createActionHandlers({ engine, dataDir, killDeps: { restartWatchMs: 1500 } });
const home = mkdtempSync(path.join(tmpdir(), 'ps-review-home-'));
const savedHome = process.env.HOME;

async function start(script: string): Promise<Started> {
  const s = await startScript(script);
  started.push(s);
  if (s.childPid) extra.push(s.childPid);
  return s;
}

async function kill(req: KillRequest): Promise<KillOutcome> {
  const r = await handlers.kill(req);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

beforeAll(() => {
  process.env.HOME = home; // the CLI's audit log
});
afterAll(() => {
  process.env.HOME = savedHome;
  engine.stop();
  killStarted([...extra, ...started.map((s) => s.pid)]);
});

describe.skipIf(!isLinux)('kill: review fixes with real processes', () => {
  it('ending a forked child that shares its parent\'s listener is "ended", not "restarted by its parent"', async () => {
    const s = await start(SHARED);
    const plan = await kill({ pid: s.childPid as number, confirm: false });
    expect(plan.targets[0]?.ports).toContain(`tcp 127.0.0.1:${s.port} LISTEN`);
    const outcome = await kill({ pid: s.childPid as number, confirm: true, graceMs: 2000 });
    expect(outcome.result).toBe('ended');
    expect(outcome.message).not.toMatch(/restarted/);
    expect(outcome.restartedBy ?? null).toBeNull();
    expect((await ops.status(s.childPid as number)).alive).toBe(false);
    expect((await ops.status(s.pid)).alive).toBe(true);
  });

  it('the CLI says the same: `portscope kill --pid <child> --yes` exits 0', async () => {
    const s = await start(SHARED);
    const io = memoryIo();
    const code = await runCli(['kill', '--pid', String(s.childPid), '--yes', '--grace', '2000'], io);
    expect(io.stderr()).not.toMatch(/restarted/);
    expect(io.stdout()).toMatch(new RegExp(`^ended node \\(pid ${s.childPid}\\) after SIGTERM`));
    expect(code).toBe(0);
    expect((await ops.status(s.pid)).alive).toBe(true);
  });

  it('pins every root: one reused pid among several refuses the kill and ends none', async () => {
    const a = await start(SCRIPTS.graceful);
    const b = await start(SCRIPTS.graceful);
    const keyA = (await ops.status(a.pid)).startKey as string;
    const keyB = (await ops.status(b.pid)).startKey as string;
    const refused = await kill({ targets: [{ pid: a.pid, startKey: keyA }, { pid: b.pid, startKey: String(Number(keyB) + 1) }], confirm: true });
    expect(refused.result).toBe('refused-stale');
    expect(refused.message).toMatch(new RegExp(`pid ${b.pid} is now a different process`));
    expect((await ops.status(a.pid)).alive).toBe(true);
    expect((await ops.status(b.pid)).alive).toBe(true);
    const ended = await kill({ targets: [{ pid: a.pid, startKey: keyA }, { pid: b.pid, startKey: keyB }], confirm: true, graceMs: 2000 });
    expect(ended.result).toBe('ended');
    expect((await a.exited).signal).toBe('SIGTERM');
    expect((await b.exited).signal).toBe('SIGTERM');
  });

  it('a target that ended between the confirmation and the signal is "already ended", nothing signalled', async () => {
    const s = await start(SCRIPTS.graceful);
    const deps = { ...defaultKillDeps(engine, ops), restartWatchMs: 0 };
    const req: KillRequest = { pid: s.pid, confirm: true };
    const planned = await planKill(req, deps);
    if (!planned.ok) throw new Error(planned.outcome.message);
    process.kill(s.pid, 'SIGKILL');
    await s.exited;
    const outcome = await executeKillPlan(planned.plan, req, deps);
    expect(outcome.result).toBe('not-found');
    expect(outcome.message).toMatch(/^already ended: node \(pid \d+\) had ended before it could be signalled; nothing was signalled/);
  });

  it('honours graceMs end to end through the validated service dispatch', async () => {
    const service = createService({ pollIntervalMs: 0, dataDir });
    try {
      const s = await start(SCRIPTS.stubborn);
      const plan = (await service.dispatch('kill', { pid: s.pid, graceMs: 700, confirm: false })) as { ok: true; value: KillOutcome };
      expect(plan.value.method).toEqual({ graceful: true, graceMs: 700, tree: false });
      expect(plan.value.message).toMatch(/then SIGKILL after 700 ms/);
      const done = (await service.dispatch('kill', { pid: s.pid, graceMs: 700, confirm: true })) as { ok: true; value: KillOutcome };
      expect(done.value.result).toBe('ended');
      expect(done.value.message).toMatch(/ignored SIGTERM for 700 ms and was forced with SIGKILL/);
      expect((await s.exited).signal).toBe('SIGKILL');
      const bad = await service.dispatch('kill', { pid: s.pid, graceMs: -5, confirm: true });
      expect(bad).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    } finally {
      await service.dispose();
    }
  });
});
