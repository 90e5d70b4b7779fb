import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScQuery, stopService, type StopServiceDeps } from '../../../src/main/actions/stop-service';
import { createActionHandlers } from '../../../src/main/service/action-handlers';
import type { Engine } from '../../../src/main/engine/engine';
import type { ExecOutput } from '../../../src/main/lib/exec';
import { apiInputSchemas } from '../../../src/shared/api-schemas';

const QUERY = (state: string, pid: number) => `
SERVICE_NAME: W3SVC
        TYPE               : 20  WIN32_SHARE_PROCESS
        STATE              : ${state}
                                (STOPPABLE, PAUSABLE, ACCEPTS_SHUTDOWN)
        WIN32_EXIT_CODE    : 0  (0x0)
        SERVICE_EXIT_CODE  : 0  (0x0)
        CHECKPOINT         : 0x0
        WAIT_HINT          : 0x0
        PID                : ${pid}
        FLAGS              :
`;

const out = (exitCode: number, stdout = '', stderr = ''): ExecOutput => ({ exitCode, stdout: Buffer.from(stdout), stderr: Buffer.from(stderr), timedOut: false, truncated: false });

function fakeSc(opts: { stopExit?: number; elevatedExit?: number; stopsAfter?: number; exists?: boolean; declined?: boolean } = {}) {
  const calls: { elevated: boolean; file: string; args: readonly string[] }[] = [];
  let state = '4  RUNNING';
  let queriesAfterStop = -1;
  const run = async (file: string, args: readonly string[], elevated = false): Promise<ExecOutput | null> => {
    calls.push({ elevated, file, args });
    if (args[0] === 'queryex') {
      if (opts.exists === false) return out(1060, '[SC] EnumQueryServicesStatus:OpenService FAILED 1060:\n\nThe specified service does not exist as an installed service.');
      if (queriesAfterStop >= 0 && ++queriesAfterStop >= (opts.stopsAfter ?? 1)) state = '1  STOPPED';
      else if (queriesAfterStop >= 0) state = '3  STOP_PENDING';
      return out(0, QUERY(state, state.startsWith('1') ? 0 : 1234));
    }
    const code = elevated ? (opts.elevatedExit ?? 0) : (opts.stopExit ?? 0);
    if (code === 0) queriesAfterStop = 0;
    return out(code, code === 5 ? '[SC] OpenService FAILED 5:\n\nAccess is denied.' : '');
  };
  const deps: StopServiceDeps = {
    platform: 'win32',
    run: (f, a) => run(f, a),
    runElevated: (f, a) => run(f, a, true),
    declined: () => Boolean(opts.declined),
    stopWaitMs: 200,
    pollMs: 1,
  };
  return { deps, calls };
}

describe('stopService', () => {
  it('parses sc.exe queryex (numeric state, any display language) and pid', () => {
    expect(parseScQuery(QUERY('4  RUNNING', 1234))).toEqual({ state: 'RUNNING', pid: 1234 });
    expect(parseScQuery(QUERY('1  STOPPED', 0))).toEqual({ state: 'STOPPED', pid: null });
    expect(parseScQuery(QUERY('3  STOP_AUSSTEHEND', 88))).toEqual({ state: 'STOP_PENDING', pid: 88 });
  });

  it('plans without acting, then stops with sc.exe stop and waits for STOPPED', async () => {
    const { deps, calls } = fakeSc({ stopsAfter: 2 });
    const plan = await stopService({ name: 'W3SVC', confirm: false }, deps);
    expect(plan).toMatchObject({ ok: true, value: { result: 'planned', state: 'RUNNING', pid: 1234, method: 'sc.exe stop W3SVC' } });
    expect(calls.some((c) => c.args[0] === 'stop')).toBe(false);
    const done = await stopService({ name: 'W3SVC', confirm: true }, deps);
    expect(done).toMatchObject({ ok: true, value: { result: 'stopped', state: 'STOPPED', message: 'stopped Windows service W3SVC (hosted by pid 1234)' } });
    expect(calls.filter((c) => c.args[0] === 'stop')).toEqual([{ elevated: false, file: 'sc.exe', args: ['stop', 'W3SVC'] }]);
  });

  it('access denied -> needs administrator; with elevate the stop runs through UAC', async () => {
    const denied = await stopService({ name: 'W3SVC', confirm: true }, fakeSc({ stopExit: 5 }).deps);
    expect(denied).toMatchObject({ ok: true, value: { result: 'permission-denied', needsElevation: true } });
    const { deps, calls } = fakeSc({ stopExit: 5 });
    const elevated = await stopService({ name: 'W3SVC', confirm: true, elevate: true }, deps);
    expect(elevated).toMatchObject({ ok: true, value: { result: 'stopped' } });
    expect(calls.filter((c) => c.args[0] === 'stop').map((c) => c.elevated)).toEqual([true]);
    const declined = await stopService({ name: 'W3SVC', confirm: true, elevate: true }, fakeSc({ elevatedExit: 1223, declined: true }).deps);
    expect(declined).toMatchObject({ ok: true, value: { result: 'permission-denied' } });
  });

  it('tells the truth: not found, already stopped, dependents running, still stopping, protected', async () => {
    expect(await stopService({ name: 'Nope', confirm: true }, fakeSc({ exists: false }).deps)).toMatchObject({ ok: true, value: { result: 'not-found' } });
    expect(await stopService({ name: 'W3SVC', confirm: true }, fakeSc({ stopExit: 1062 }).deps)).toMatchObject({ ok: true, value: { result: 'already-stopped' } });
    expect(await stopService({ name: 'W3SVC', confirm: true }, fakeSc({ stopExit: 1051 }).deps)).toMatchObject({ ok: true, value: { result: 'failed', message: expect.stringMatching(/depend on W3SVC/) } });
    expect(await stopService({ name: 'W3SVC', confirm: true }, fakeSc({ stopsAfter: 1_000_000 }).deps)).toMatchObject({ ok: true, value: { result: 'still-running', state: 'STOP_PENDING' } });
    const { deps, calls } = fakeSc();
    expect(await stopService({ name: 'RpcSs', confirm: true }, deps)).toMatchObject({ ok: true, value: { result: 'refused-protected' } });
    expect(calls.some((c) => c.args[0] === 'stop')).toBe(false);
  });

  it('is UNSUPPORTED off Windows, rejects names that are not service names, and is audited through the handler', async () => {
    expect(await stopService({ name: 'nginx', confirm: true }, { ...fakeSc().deps, platform: 'linux' })).toMatchObject({ ok: false, code: 'UNSUPPORTED' });
    expect(apiInputSchemas.stopService.safeParse({ name: 'MSSQL$SQLEXPRESS', confirm: false }).success).toBe(true);
    expect(apiInputSchemas.stopService.safeParse({ name: 'a b', confirm: false }).success).toBe(false);
    expect(apiInputSchemas.stopService.safeParse({ name: "x' ; calc", confirm: true }).success).toBe(false);

    const dataDir = mkdtempSync(path.join(tmpdir(), 'ps-stopsvc-'));
    const engine = {} as Engine;
    const handlers = createActionHandlers({ engine, dataDir, stopServiceDeps: fakeSc().deps });
    const r = await handlers.stopService({ name: 'W3SVC', confirm: true });
    expect(r).toMatchObject({ ok: true, value: { result: 'stopped' } });
    const log = readFileSync(path.join(dataDir, 'audit.log'), 'utf8');
    expect(JSON.parse(log.trim())).toMatchObject({ action: 'stop-service', target: 'Windows service W3SVC', result: expect.stringMatching(/^stopped: /) });
    const here = createActionHandlers({ engine, dataDir: mkdtempSync(path.join(tmpdir(), 'ps-stopsvc-')), stopServiceDeps: { platform: 'linux' } });
    expect(await here.stopService({ name: 'W3SVC', confirm: true })).toMatchObject({ ok: false, code: 'UNSUPPORTED' });
  });
});
