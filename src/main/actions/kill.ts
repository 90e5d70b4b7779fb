/**
 * Kill, safely: plan (guards), re-check the fingerprint right before each signal, graceful first,
 * force after the grace time, then tell the truth — ended, still running, permission denied, restarted.
 */
import type { KillOutcome, KillPlanEntry, KillRequest } from '../../shared/actions';
import type { KillDeps } from './kill-deps';
import { signalWords, sleep } from './kill-deps';
import { currentStatus, describePlan, formatMs, planKill, type KillPlan } from './kill-plan';
import type { SignalAttempt, SignalMode } from './process-ops';
import { watchForRestart } from './restart-watch';

const label = (e: Pick<KillPlanEntry, 'pid' | 'name'>): string => (e.name ? `${e.name} (pid ${e.pid})` : `pid ${e.pid}`);

export async function killProcess(req: KillRequest, deps: KillDeps): Promise<KillOutcome> {
  const planned = await planKill(req, deps);
  if (!planned.ok) return planned.outcome;
  const { plan } = planned;
  const method = { graceful: !req.force, graceMs: plan.graceMs, tree: Boolean(req.tree) };
  const base = { targets: plan.targets, method, offer: plan.offer };
  if (!req.confirm) return { ...base, result: 'planned', message: describePlan(plan, req, deps.platform) };
  return executeKillPlan(plan, req, deps);
}

/** Why a target was not signalled: it had ended already, or its pid now belongs to a different process. */
type Skip = 'already-ended' | 'stale';
type Signalled = { entry: KillPlanEntry; attempt: SignalAttempt; skipped?: Skip };

const stalePhrase = (s: Signalled): string => `pid ${s.entry.pid} is now a different process than ${label(s.entry)} (pid reused)`;

/** Act on a plan from planKill (exported for tests that change the world between the plan and the signal). */
export async function executeKillPlan(plan: KillPlan, req: KillRequest, deps: KillDeps): Promise<KillOutcome> {
  const words = signalWords(deps.platform);
  const method = { graceful: !req.force, graceMs: plan.graceMs, tree: Boolean(req.tree) };
  const base = { targets: plan.targets, method, offer: plan.offer };

  // Right before the first signal: every target must still be the process the plan saw.
  for (const target of plan.targets) {
    const now = (await currentStatus(deps, target.pid)).startKey;
    if (now !== null && target.startKey !== null && now !== target.startKey) {
      return { ...base, result: 'refused-stale', message: `refused: pid ${target.pid} is now a different process than ${label(target)}; nothing was signalled — refresh the list and try again` };
    }
  }

  const firstMode: SignalMode = req.force ? 'force' : 'graceful';
  const sent = await signalAll(plan.targets, firstMode, req, deps);
  const delivered = sent.filter((s) => !s.skipped);
  const stale = sent.filter((s) => s.skipped === 'stale');
  const endedBefore = [...plan.alreadyEnded.map((pid) => `pid ${pid}`), ...sent.filter((s) => s.skipped === 'already-ended').map((s) => label(s.entry))];

  // Nothing was signalled: say so, never "ended after SIGTERM".
  if (delivered.length === 0) {
    if (stale.length > 0) {
      return { ...base, result: 'refused-stale', survivors: [], message: `refused: ${stale.map(stalePhrase).join('; ')}; nothing was signalled — refresh the list and try again` };
    }
    return { ...base, result: 'not-found', survivors: [], message: `already ended: ${endedBefore.join(', ')} had ended before it could be signalled; nothing was signalled` };
  }

  const denied = delivered.filter((s) => s.attempt.result === 'denied');
  if (denied.length > 0 && denied.length === delivered.length) return permissionDenied(base, denied, deps, req);

  const signalled = delivered.map((s) => s.entry);
  let live = await stillAlive(signalled, deps, req.force ? deps.forceWaitMs : plan.graceMs, delivered);
  let forced = Boolean(req.force);
  if (live.length > 0 && !req.force) {
    forced = true;
    // A target skipped here ended after the graceful signal (its pid may already be reused): it is not signalled again.
    const again = (await signalAll(live, 'force', req, deps)).filter((s) => !s.skipped);
    const deniedNow = again.filter((s) => s.attempt.result === 'denied');
    if (deniedNow.length > 0 && deniedNow.length === again.length) {
      return permissionDenied(base, deniedNow, deps, req);
    }
    live = await stillAlive(again.map((s) => s.entry), deps, deps.forceWaitMs, again);
  }

  const roots = signalled.filter((t) => t.role === 'target');
  const who = (roots.length > 0 ? roots : signalled).map(label).join(', ');
  const children = signalled.length - roots.length;
  const childText = roots.length > 0 && children > 0 ? ` and ${children} child process${children === 1 ? '' : 'es'}` : '';
  const notes = [
    endedBefore.length > 0 ? `${endedBefore.join(', ')} had already ended (not signalled)` : '',
    stale.length > 0 ? `${stale.map(stalePhrase).join('; ')}: not signalled` : '',
  ].filter(Boolean);
  const noteText = notes.length > 0 ? `; ${notes.join('; ')}` : '';
  // A root whose pid was reused before its signal was refused: the request as a whole was not carried out.
  const staleRoots = stale.filter((s) => s.entry.role !== 'child');
  const refusal = (outcome: KillOutcome): KillOutcome =>
    staleRoots.length === 0
      ? outcome
      : { ...outcome, result: 'refused-stale', message: `refused: ${staleRoots.map(stalePhrase).join('; ')}, so it was not signalled; ${outcome.message}` };

  if (live.length > 0) {
    return refusal({
      ...base,
      result: 'still-running',
      forced,
      survivors: live.map((t) => t.pid),
      message: `still running: ${live.map(label).join(', ')} did not end even after ${words.force}${denied.length ? ' (some signals were refused: permission denied)' : ''}; it may be stuck in the kernel (uninterruptible I/O) or protected by the OS${noteText}`,
    });
  }
  const how = req.force
    ? ` with ${words.force}`
    : forced
      ? ` — it ignored ${words.graceful} for ${formatMs(plan.graceMs)} and was forced with ${words.force}`
      : ` after ${words.graceful}`;
  const ended: KillOutcome = { ...base, result: 'ended', forced, survivors: [], message: `ended ${who}${childText}${how}${noteText}` };

  const restart = await watchForRestart(deps, plan.watchedPorts, plan.targets.map((t) => t.pid), plan.portOwnersBefore);
  if (!restart) return refusal(ended);
  return refusal({
    ...ended,
    result: 'restarted',
    restartedBy: { supervisor: restart.supervisor.name, newPid: restart.newPid },
    offer: restart.supervisor.stopCommand ? restart.supervisor : plan.offer,
    message: `${ended.message}, but it was restarted by ${restart.supervisor.name} as pid ${restart.newPid} (${restart.port.protocol} port ${restart.port.port} is bound again)${restart.supervisor.stopCommand ? `; stop it with \`${restart.supervisor.stopCommand.join(' ')}\`` : ''}`,
  });
}

/**
 * Signal each target after re-checking its fingerprint: a target that is gone (or a zombie) is skipped as
 * already ended, a pid that now belongs to another process is skipped as stale — never signalled.
 */
async function signalAll(targets: readonly KillPlanEntry[], mode: SignalMode, req: KillRequest, deps: KillDeps): Promise<Signalled[]> {
  const out: Signalled[] = [];
  for (const entry of targets) {
    const now = await currentStatus(deps, entry.pid);
    if (now.startKey === null || !now.alive) {
      out.push({ entry, attempt: { result: 'gone' }, skipped: 'already-ended' });
      continue;
    }
    if (entry.startKey !== null && now.startKey !== entry.startKey) {
      out.push({ entry, attempt: { result: 'stale' }, skipped: 'stale' });
      continue;
    }
    let attempt = await deps.ops.signal(entry.pid, mode);
    // The elevated helper re-checks the fingerprint itself: the prompt may take minutes.
    if (attempt.result === 'denied' && req.elevate) attempt = await deps.ops.signalElevated(entry.pid, mode, entry.startKey);
    const skipped: Skip | undefined = attempt.result === 'gone' ? 'already-ended' : attempt.result === 'stale' ? 'stale' : undefined;
    out.push(skipped ? { entry, attempt, skipped } : { entry, attempt });
  }
  return out;
}

/** Wait until every target is gone or the time is up; returns the survivors (same pid and same start). */
async function stillAlive(targets: readonly KillPlanEntry[], deps: KillDeps, waitMs: number, sent: readonly Signalled[]): Promise<KillPlanEntry[]> {
  // A graceful request that could not be delivered (a Windows console app has no window to close) is not worth waiting for.
  const undelivered = sent.some((s) => s.attempt.result === 'failed');
  const deadline = Date.now() + (undelivered ? 0 : waitMs);
  for (;;) {
    const live: KillPlanEntry[] = [];
    for (const t of targets) {
      const now = await currentStatus(deps, t.pid);
      if (now.alive && now.startKey !== null && (t.startKey === null || now.startKey === t.startKey)) live.push(t);
    }
    if (live.length === 0 || Date.now() >= deadline) return live;
    await sleep(deps.pollMs);
  }
}

function permissionDenied(base: Omit<KillOutcome, 'result' | 'message'>, denied: readonly Signalled[], deps: KillDeps, req: KillRequest): KillOutcome {
  const rights = deps.ops.rightsName;
  const who = denied.map((d) => label(d.entry)).join(', ');
  const detail = denied.find((d) => d.attempt.detail && d.attempt.detail !== 'EPERM')?.attempt.detail;
  const hint = req.elevate
    ? `the elevation was declined or failed${detail ? ` (${detail})` : ''}`
    : deps.platform === 'win32'
      ? 'run PortScope as administrator, or confirm again with elevation'
      : `run it with sudo (\`sudo portscope kill --pid ${denied[0]?.entry.pid ?? ''}\`), or confirm again with elevation`;
  return { ...base, result: 'permission-denied', needsElevation: true, message: `permission denied — ending ${who} needs ${rights}: ${hint}` };
}
