/**
 * Stop a Windows service (`sc.exe stop`) instead of killing the process that hosts it: the Service
 * Control Manager would otherwise restart it, and a shared svchost hosts other services too.
 * `confirm: false` describes (state, pid); `confirm: true` stops it, elevated (UAC) only when asked,
 * then polls `sc.exe queryex` until STOPPED. The numeric state codes are the same in every display language.
 */
import { SERVICE_NAME_PATTERN, type StopServiceOutcome, type StopServiceRequest } from '../../shared/actions';
import { err, ok, type Result } from '../../shared/result';
import type { ExecOutput } from '../lib/exec';
import { decodeToolOutput } from '../catalog/decode-tool-output';
import { sleep } from './kill-deps';
import { CRITICAL_SERVICES } from './protected-targets';

export interface StopServiceDeps {
  platform: NodeJS.Platform;
  /** Run a tool unelevated (lib/exec runTool); null when it is not installed. */
  run(file: string, args: readonly string[]): Promise<ExecOutput | null>;
  /** Run one tool through the UAC prompt (elevation.ts runElevated). */
  runElevated(file: string, args: readonly string[]): Promise<ExecOutput | null>;
  declined(out: ExecOutput): boolean;
  /** How long to wait for STOPPED after the stop was accepted. */
  stopWaitMs: number;
  pollMs: number;
}

/** Stopping these makes Windows restart or stops everything else: the groups kill refuses, and more. */
const PROTECTED_SERVICES = [...CRITICAL_SERVICES, 'lsm', 'samss', 'brokerinfrastructure', 'power', 'plugplay'];

const STATES: Record<number, string> = {
  1: 'STOPPED',
  2: 'START_PENDING',
  3: 'STOP_PENDING',
  4: 'RUNNING',
  5: 'CONTINUE_PENDING',
  6: 'PAUSE_PENDING',
  7: 'PAUSED',
};

/** sc.exe's own error codes (its exit code is the Win32 error). */
const SC = { accessDenied: 5, dependentsRunning: 1051, notActive: 1062, doesNotExist: 1060, cannotAccept: 1061 } as const;

export interface ServiceQuery {
  state: string | null;
  pid: number | null;
}

/** Pure: `sc.exe queryex NAME` -> state name and pid (`STATE : 4  RUNNING`, `PID : 1234`). */
export function parseScQuery(text: string): ServiceQuery {
  const state = /^\s*STATE\s*:\s*(\d+)/m.exec(text);
  const pid = /^\s*PID\s*:\s*(\d+)/m.exec(text);
  const code = state ? Number(state[1]) : null;
  const pidNumber = pid ? Number(pid[1]) : null;
  return { state: code === null ? null : (STATES[code] ?? `STATE ${code}`), pid: pidNumber ? pidNumber : null };
}

const text = (out: ExecOutput): string => (decodeToolOutput(out.stdout) + '\n' + decodeToolOutput(out.stderr)).trim();

export async function stopService(req: StopServiceRequest, deps: StopServiceDeps): Promise<Result<StopServiceOutcome>> {
  if (deps.platform !== 'win32') {
    return err('UNSUPPORTED', `Stopping a service is only for Windows services; on this OS end the process instead (or stop its unit: systemctl stop / launchctl bootout).`);
  }
  const name = req.name;
  if (!SERVICE_NAME_PATTERN.test(name)) return err('BAD_INPUT', `"${name}" is not a Windows service name: give its short name, e.g. W3SVC`);
  const method = `sc.exe stop ${name}`;
  const base = { service: name, method };

  const query = async (): Promise<{ exitCode: number | null; info: ServiceQuery } | null> => {
    const out = await deps.run('sc.exe', ['queryex', name]);
    return out ? { exitCode: out.exitCode, info: parseScQuery(decodeToolOutput(out.stdout)) } : null;
  };
  const before = await query();
  if (!before) return err('UNSUPPORTED', 'sc.exe is missing: stop the service from services.msc instead');
  if (before.exitCode === SC.doesNotExist) return ok({ ...base, result: 'not-found', message: `there is no Windows service named ${name}` });
  const { state, pid } = before.info;
  const stateBits = { state, pid };
  if (PROTECTED_SERVICES.includes(name.toLowerCase())) {
    return ok({ ...base, ...stateBits, result: 'refused-protected', message: `refused: ${name} is a core Windows service; stopping it makes Windows restart or stop working` });
  }
  if (state === 'STOPPED') return ok({ ...base, ...stateBits, result: 'already-stopped', message: `Windows service ${name} is already stopped; nothing was done` });
  const host = pid ? ` (hosted by pid ${pid})` : '';
  if (!req.confirm) {
    return ok({ ...base, ...stateBits, result: 'planned', message: `would stop Windows service ${name}${host}, now ${state ?? 'in an unknown state'}, with \`${method}\`; services that depend on it must be stopped first` });
  }

  const out = req.elevate ? await deps.runElevated('sc.exe', ['stop', name]) : await deps.run('sc.exe', ['stop', name]);
  if (!out) return ok({ ...base, ...stateBits, result: 'failed', message: req.elevate ? 'the UAC helper (PowerShell) is not available: run PortScope as administrator' : 'sc.exe is missing' });
  if (req.elevate && deps.declined(out)) {
    return ok({ ...base, ...stateBits, result: 'permission-denied', needsElevation: true, message: `permission denied — stopping ${name} needs administrator: the UAC prompt was declined` });
  }
  if (out.exitCode === SC.accessDenied) {
    return ok({
      ...base,
      ...stateBits,
      result: 'permission-denied',
      needsElevation: true,
      message: `permission denied — stopping ${name} needs administrator: ${req.elevate ? 'the elevated stop was refused too' : 'run PortScope as administrator, or confirm again with elevation'}`,
    });
  }
  if (out.exitCode === SC.notActive) return ok({ ...base, ...stateBits, state: 'STOPPED', result: 'already-stopped', message: `Windows service ${name} had already stopped; nothing was done` });
  if (out.exitCode === SC.dependentsRunning) {
    return ok({ ...base, ...stateBits, result: 'failed', message: `not stopped: other running services depend on ${name}; stop them first (sc.exe enumdepend ${name})` });
  }
  if (out.exitCode !== 0) {
    const why = out.exitCode === SC.cannotAccept ? 'the service cannot accept a stop request now' : text(out) || `sc.exe exit ${out.exitCode}`;
    return ok({ ...base, ...stateBits, result: 'failed', message: `not stopped: ${why}` });
  }

  // Accepted: the stop is asynchronous, so wait for STOPPED before saying "stopped".
  const deadline = Date.now() + deps.stopWaitMs;
  let now = before.info;
  for (;;) {
    await sleep(deps.pollMs);
    now = (await query())?.info ?? now;
    if (now.state === 'STOPPED' || Date.now() >= deadline) break;
  }
  if (now.state === 'STOPPED') return ok({ ...base, state: now.state, pid, result: 'stopped', message: `stopped Windows service ${name}${host}` });
  return ok({
    ...base,
    state: now.state,
    pid,
    result: 'still-running',
    message: `still running: Windows service ${name} accepted the stop but is ${now.state ?? 'in an unknown state'} after ${Math.round(deps.stopWaitMs / 1000)} s; check services.msc`,
  });
}
