/**
 * Close one TCP connection where the OS allows it, then check that it is really gone:
 * Linux `ss -K` with the exact four-tuple (ss exits 0 even when the kernel refused, so re-list);
 * Windows SetTcpEntry(DELETE_TCB) through an (elevated) PowerShell helper, IPv4 only;
 * macOS has no such API.
 */
import { MAC_CLOSE_REASON, type CloseOutcome, type CloseRequest } from '../../shared/actions';
import type { Engine } from '../engine/engine';
import { err, ok, type Result } from '../../shared/result';
import { resolveTool, runFile, runTool, type ExecOutput } from '../lib/exec';
import { POWERSHELL_ARGS, elevationDeclined, runElevated } from './elevation';
import { canonicalSsState } from '../collectors/linux/ss-states';
import { encodePowerShell, normalizeAddress, parseSsConnection, setTcpEntryScript, ssTupleFilter, type FourTuple } from './close-parse';
import { sleep } from './kill-deps';

export interface CloseDeps {
  engine: Pick<Engine, 'snapshot'>;
  platform: NodeJS.Platform;
  privileged(): Promise<boolean>;
}

type Found = { state: string | null; pid: number | null; processName: string | null } | null;

const tupleText = (t: FourTuple): string => {
  const h = (a: string): string => (a.includes(':') ? `[${a}]` : a);
  return `tcp ${h(t.localAddress)}:${t.localPort} → ${h(t.remoteAddress)}:${t.remotePort}`;
};

export async function closeConnection(req: CloseRequest, deps: CloseDeps): Promise<Result<CloseOutcome>> {
  const local = normalizeAddress(req.localAddress);
  const remote = normalizeAddress(req.remoteAddress);
  if (!local) return err('BAD_INPUT', `"${req.localAddress}" is not an IP address: give the local address as shown in the list (e.g. 127.0.0.1 or ::1)`);
  if (!remote) return err('BAD_INPUT', `"${req.remoteAddress}" is not an IP address: give the remote address as shown in the list`);
  if (local.family !== remote.family) return err('BAD_INPUT', 'the local and remote addresses must be of the same family (both IPv4 or both IPv6)');
  const tuple: FourTuple = { localAddress: local.address, localPort: req.localPort, remoteAddress: remote.address, remotePort: req.remotePort };

  if (deps.platform === 'darwin') {
    return ok({ result: 'unsupported', message: MAC_CLOSE_REASON, method: null });
  }
  if (deps.platform === 'win32') return ok(await closeWindows(tuple, local.family, req, deps));
  if (deps.platform === 'linux') return ok(await closeLinux(tuple, req, deps));
  return ok({ result: 'unsupported', message: `closing a connection is not supported on ${deps.platform}; end the owning process instead`, method: null });
}

async function ssList(filter: string[]): Promise<Found> {
  const out = await runTool('ss', ['-tnpH', ...filter]);
  const conn = out ? parseSsConnection(out.stdout.toString('utf8')) : null;
  return conn ? { state: canonicalSsState(conn.state), pid: conn.pid, processName: conn.processName } : null;
}

async function closeLinux(tuple: FourTuple, req: CloseRequest, deps: CloseDeps): Promise<CloseOutcome> {
  const ss = await resolveTool('ss');
  if (!ss) return { result: 'unsupported', message: 'ss (iproute2) is not installed; install iproute2 to close connections', method: null };
  const filter = ssTupleFilter(tuple);
  const method = `ss -K ${filter.join(' ')}`;
  const found = await ssList(filter);
  const what = tupleText(tuple);
  if (!found) return { result: 'not-found', message: `no connection ${what} (it may have closed already)`, method, connection: null };
  const owner = found.pid !== null ? `, ${found.processName ?? 'pid'} pid ${found.pid}` : '';
  if (!req.confirm) {
    return { result: 'planned', message: `would close ${what} (${found.state}${owner}) with \`${method}\`; both ends see the connection reset`, method, connection: found };
  }
  let out: ExecOutput | null;
  if (await deps.privileged()) {
    out = await runFile(ss, ['-K', '-tnH', ...filter]);
  } else if (req.elevate) {
    out = await runElevated('linux', ss, ['-K', '-tnH', ...filter]);
    if (out && elevationDeclined('linux', out)) {
      return { result: 'permission-denied', message: 'permission denied — the administrator prompt was declined; closing a connection needs root', method, connection: found, needsElevation: true };
    }
  } else {
    return { result: 'permission-denied', message: `permission denied — closing ${what} needs root: run \`sudo portscope close …\`, or confirm again with elevation`, method, connection: found, needsElevation: true };
  }
  // ss exits 0 even when the kernel refused: the table decides.
  const after = await ssList(filter);
  if (!after) return { result: 'closed', message: `closed ${what}${owner ? ` (${owner.slice(2)})` : ''}; both ends got a reset`, method, connection: found };
  const stderr = out?.stderr.toString('utf8') ?? '';
  if (/not permitted/i.test(stderr)) {
    return { result: 'permission-denied', message: `permission denied — closing ${what} needs root`, method, connection: found, needsElevation: true };
  }
  const why = /not supported/i.test(stderr)
    ? 'this kernel cannot destroy sockets (built without CONFIG_INET_DIAG_DESTROY); end the owning process instead'
    : `ss did not close it${stderr.trim() ? ` (${stderr.trim()})` : ''}`;
  return { result: 'still-open', message: `still open: ${what} — ${why}`, method, connection: after };
}

async function findInSnapshot(deps: CloseDeps, t: FourTuple): Promise<Found> {
  const rows = await deps.engine
    .snapshot()
    .then((s) => s.rows)
    .catch(() => []);
  const row = rows.find(
    (r) =>
      r.protocol === 'tcp' &&
      r.localPort === t.localPort &&
      r.remotePort === t.remotePort &&
      normalizeAddress(r.localAddress)?.address === t.localAddress &&
      normalizeAddress(r.remoteAddress ?? '')?.address === t.remoteAddress,
  );
  return row ? { state: row.state, pid: row.pid, processName: row.processName } : null;
}

async function closeWindows(tuple: FourTuple, family: 4 | 6, req: CloseRequest, deps: CloseDeps): Promise<CloseOutcome> {
  const what = tupleText(tuple);
  const method = 'SetTcpEntry (DELETE_TCB) through an elevated PowerShell helper';
  if (family === 6) {
    return {
      result: 'unsupported',
      message: `Windows can only close IPv4 connections (SetTcpEntry has no IPv6 counterpart); end the owning process to drop ${what}`,
      method: null,
    };
  }
  const found = await findInSnapshot(deps, tuple);
  if (!found) return { result: 'not-found', message: `no connection ${what} (it may have closed already)`, method, connection: null };
  if (!req.confirm) {
    return { result: 'planned', message: `would close ${what} (${found.state ?? 'unknown state'}, ${found.processName ?? 'pid'} ${found.pid ?? ''}) with ${method}; Windows asks for administrator rights`, method, connection: found };
  }
  const encoded = encodePowerShell(setTcpEntryScript(tuple));
  const helperArgs = [...POWERSHELL_ARGS, '-EncodedCommand', encoded];
  let out: ExecOutput | null;
  if (await deps.privileged()) out = await runTool('powershell', helperArgs);
  else if (req.elevate) out = await runElevated('win32', 'powershell.exe', helperArgs);
  else return { result: 'permission-denied', message: `permission denied — closing ${what} needs administrator rights: confirm again with elevation (Windows shows a UAC prompt)`, method, connection: found, needsElevation: true };
  if (!out) return { result: 'unsupported', message: 'PowerShell is not available to run the close helper', method };
  if (out.exitCode !== 0 && elevationDeclined('win32', out)) {
    return { result: 'permission-denied', message: 'permission denied — the UAC prompt was declined', method, connection: found, needsElevation: true };
  }
  await sleep(200);
  if (!(await findInSnapshot(deps, tuple))) return { result: 'closed', message: `closed ${what}; both ends got a reset`, method, connection: found };
  if (out.exitCode === 5 || out.exitCode === 317) {
    return { result: 'permission-denied', message: `permission denied — SetTcpEntry needs an elevated process (error ${out.exitCode})`, method, connection: found, needsElevation: true };
  }
  return { result: 'still-open', message: `still open: ${what} — SetTcpEntry returned ${out.exitCode}`, method, connection: found };
}
