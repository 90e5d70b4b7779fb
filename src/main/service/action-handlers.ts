/**
 * Kill, close and the audit log. `confirm: false` only plans (the confirmation shows what would end);
 * `confirm: true` acts, and every attempt — done, refused or failed — is appended to the audit log.
 */
import type { Handlers } from './handlers';
import type { Engine } from '../engine/engine';
import type { KillOutcome, KillRequest } from '../../shared/actions';
import { ok } from '../../shared/result';
import { killProcess } from '../actions/kill';
import { defaultKillDeps, type KillDeps } from '../actions/kill-deps';
import { processOps } from '../actions/process-ops-table';
import { closeConnection } from '../actions/close-connection';
import { appendAudit, auditLogPath, readAudit } from '../actions/audit-log';
import { stopService, type StopServiceDeps } from '../actions/stop-service';
import { elevationDeclined, runElevated } from '../actions/elevation';
import { runTool } from '../lib/exec';

type ActionHandlers = Pick<Handlers, 'kill' | 'close' | 'auditLog' | 'stopService'>;

export interface ActionContext {
  engine: Engine;
  dataDir?: string;
  /** Tests override timings or the OS layer. */
  killDeps?: Partial<KillDeps>;
  stopServiceDeps?: Partial<StopServiceDeps>;
}

function killTarget(req: KillRequest, outcome: KillOutcome): string {
  const roots = outcome.targets.filter((t) => t.role !== 'child');
  const named = (pid: number): string => {
    const name = roots.find((t) => t.pid === pid)?.name;
    return `pid ${pid}${name ? ` ${name}` : ''}`;
  };
  const children = outcome.targets.length - roots.length;
  const flags = [req.force ? 'force' : '', req.tree ? `tree: ${children} children` : '', req.elevate ? 'elevated' : ''].filter(Boolean).join(', ');
  const what =
    req.pid !== undefined
      ? named(req.pid)
      : req.port !== undefined
        ? `${req.protocol ? `${req.protocol} ` : ''}port ${req.port}${roots.length ? ` (${roots.map((t) => named(t.pid)).join(', ')})` : ''}`
        : (req.targets ?? []).map((t) => named(t.pid)).join(', ');
  return `${what}${flags ? ` [${flags}]` : ''}`;
}

export function createActionHandlers(ctx: ActionContext): ActionHandlers {
  const ops = processOps();
  const deps: KillDeps = { ...defaultKillDeps(ctx.engine, ops), ...ctx.killDeps };
  const auditFile = auditLogPath(ctx.dataDir);
  const audit = (action: string, target: string, result: string): Promise<boolean> =>
    appendAudit(auditFile, { time: new Date().toISOString(), action, target, result });

  const serviceDeps: StopServiceDeps = {
    platform: deps.platform,
    run: (file, args) => runTool(file, args),
    runElevated: (file, args) => runElevated(deps.platform, file, args),
    declined: (out) => elevationDeclined(deps.platform, out),
    stopWaitMs: 20_000,
    pollMs: 500,
    ...ctx.stopServiceDeps,
  };

  return {
    async kill(req) {
      const outcome = await killProcess(req, deps);
      if (req.confirm) await audit('kill', killTarget(req, outcome), `${outcome.result}: ${outcome.message}`);
      return ok(outcome);
    },
    async close(req) {
      const result = await closeConnection(req, { engine: ctx.engine, platform: deps.platform, privileged: () => deps.ops.privileged() });
      if (req.confirm) {
        const target = `tcp ${req.localAddress}:${req.localPort} → ${req.remoteAddress}:${req.remotePort}${req.elevate ? ' [elevated]' : ''}`;
        await audit('close', target, result.ok ? `${result.value.result}: ${result.value.message}` : `error: ${result.message}`);
      }
      return result;
    },
    async stopService(req) {
      const result = await stopService(req, serviceDeps);
      if (req.confirm) {
        const target = `Windows service ${req.name}${req.elevate ? ' [elevated]' : ''}`;
        await audit('stop-service', target, result.ok ? `${result.value.result}: ${result.value.message}` : `error: ${result.message}`);
      }
      return result;
    },
    async auditLog() {
      return ok(await readAudit(auditFile));
    },
  };
}
