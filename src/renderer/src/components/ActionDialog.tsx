/**
 * Kill / close confirmation: first asks main for the plan (`confirm: false` does nothing), shows exactly
 * what would end, then acts only on the user's click and shows the honest outcome. When the owner hosts
 * Windows services, the kill plan also offers "Stop service X" (sc stop) instead: that flow lives in the
 * service-stop store and its view (ServiceStop.tsx) and takes over the dialog until "Back".
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { printable } from '../../../shared/printable';
import type { PortScopeApi } from '../../../shared/api';
import type { CloseOutcome, KillOutcome, KillRequest, Supervisor } from '../../../shared/actions';
import { createServiceStopStore, type ServiceStopStore } from '../actions/service-stop';
import { ServiceOffer, ServiceStopView } from './ServiceStop';
import { ActionOutcome } from './ActionOutcome';
import type { Result } from '../../../shared/result';
import type { SocketRow } from '../../../shared/types';
import type { ActionName } from '../store/app-store';

export interface ActionDialogProps {
  kind: 'kill' | 'close';
  row: SocketRow;
  api: PortScopeApi;
  onUnavailable(action: ActionName, reason: string): void;
  onDone(message: string, failed: boolean): void;
  onCancel(): void;
  /** After every confirmed attempt (it is in the audit log now). Read once per dialog: pass a stable function. */
  onActed?(): void;
}

/** The grace time the user may set, in seconds (the API takes up to 600 000 ms). */
export const MAX_GRACE_SEC = 600;

/** "5", "2.5" -> ms; null when it is not a number of seconds in 0…600. */
export function parseGraceSeconds(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const sec = Number(t);
  return sec >= 0 && sec <= MAX_GRACE_SEC ? Math.round(sec * 1000) : null;
}

/** The fingerprint that pins the kill: the one on the row the user saw, else (rows without one) the plan's. */
export function pinnedStartKey(row: Pick<SocketRow, 'pid' | 'processStartKey'>, plan: KillOutcome | undefined): string | null {
  if (row.processStartKey) return row.processStartKey;
  return (plan?.targets.find((t) => t.pid === row.pid) ?? plan?.targets[0])?.startKey ?? null;
}

export interface KillChoices {
  force?: boolean;
  tree?: boolean;
  /** Only sent for a graceful kill. */
  graceMs?: number | null;
  elevate?: boolean;
}

/**
 * The kill request for a row: pid + startKey as before, and, when the row carries the owner's start
 * fingerprint, `targets` pinning that root by it (main pins every root by its target's startKey). Pure.
 */
export function buildKillRequest(row: Pick<SocketRow, 'pid' | 'processStartKey'>, startKey: string | null, confirm: boolean, choices: KillChoices = {}): KillRequest {
  const targets = row.pid !== null && row.processStartKey ? [{ pid: row.pid, startKey: row.processStartKey }] : null;
  if (!confirm) return { pid: row.pid ?? undefined, startKey, ...(targets ? { targets } : {}), confirm: false };
  const force = Boolean(choices.force);
  return {
    pid: row.pid ?? undefined,
    startKey,
    ...(targets ? { targets } : {}),
    force,
    tree: Boolean(choices.tree),
    ...(!force && choices.graceMs !== null && choices.graceMs !== undefined ? { graceMs: choices.graceMs } : {}),
    confirm: true,
    ...(choices.elevate ? { elevate: true } : {}),
  };
}

type Phase =
  | { step: 'planning' }
  | { step: 'plan'; kill?: KillOutcome; close?: CloseOutcome }
  | { step: 'refused'; message: string }
  | { step: 'acting' }
  | { step: 'done'; message: string; failed: boolean; offer?: Supervisor | null; needsElevation?: boolean };

const endpoint = (a: string | null, p: number | null): string => (a === null ? '*' : `${a.includes(':') ? `[${a}]` : a}:${p ?? '*'}`);

/** "Managed by nginx.service — it would come back; stop it with: systemctl stop nginx.service". */
function SupervisorNote({ supervisor }: { supervisor: Supervisor }): ReactNode {
  const command = supervisor.stopCommand?.join(' ');
  return (
    <div className="callout info small" data-testid="supervisor-note">
      Managed by <b>{printable(supervisor.name)}</b>: it may start again.
      {command && (
        <>
          {' '}
          To stop it for good: <code className="mono">{command}</code>
        </>
      )}
    </div>
  );
}

export function ActionDialog({ kind, row, api, onUnavailable, onDone, onCancel, onActed }: ActionDialogProps): ReactNode {
  const [phase, setPhase] = useState<Phase>({ step: 'planning' });
  const [force, setForce] = useState(false);
  const [tree, setTree] = useState(false);
  const [elevate, setElevate] = useState(false);
  /** Seconds between the graceful stop and the forced one; '' until the plan tells main's default. */
  const [graceText, setGraceText] = useState('');
  const [plan, setPlan] = useState<KillOutcome | undefined>(undefined);
  // Made once per dialog: it keeps the first api and onActed (App passes stable ones).
  const [serviceStore] = useState<ServiceStopStore>(() => createServiceStopStore(api, { onActed }));
  const service = useStore(serviceStore);

  useEffect(() => {
    let alive = true;
    const ask: Promise<Result<KillOutcome | CloseOutcome>> =
      kind === 'kill'
        ? api.kill(buildKillRequest(row, row.processStartKey ?? null, false))
        : api.close({ localAddress: row.localAddress, localPort: row.localPort, remoteAddress: row.remoteAddress ?? '', remotePort: row.remotePort ?? 0, confirm: false });
    void ask.then((r) => {
      if (!alive) return;
      if (!r.ok) {
        if (r.code === 'NOT_IMPLEMENTED' || r.code === 'UNSUPPORTED') onUnavailable(kind, r.message);
        setPhase({ step: 'refused', message: r.message });
      } else if (kind === 'kill') {
        const kill = r.value as KillOutcome;
        setPlan(kill);
        setGraceText((text) => text || String((kill.method?.graceMs ?? 5000) / 1000));
        setPhase({ step: 'plan', kill });
      } else {
        const close = r.value as CloseOutcome;
        if (close.result === 'unsupported') onUnavailable('close', close.message);
        setPhase({ step: 'plan', close });
      }
    });
    return () => {
      alive = false;
    };
  }, [api, kind, row, onUnavailable]);

  // Pin the process the user saw on the row: if the pid now belongs to another process, main refuses.
  const startKey = pinnedStartKey(row, plan);
  const graceMs = parseGraceSeconds(graceText);

  const act = async (asAdmin: boolean): Promise<void> => {
    if (phase.step !== 'plan' && phase.step !== 'done') return;
    setPhase({ step: 'acting' });
    if (kind === 'kill') {
      const r = await api.kill(buildKillRequest(row, startKey, true, { force, tree, graceMs, elevate: asAdmin }));
      onActed?.();
      if (!r.ok) return setPhase({ step: 'done', message: r.message, failed: true });
      setPhase({ step: 'done', message: r.value.message, failed: r.value.result !== 'ended', offer: r.value.offer, needsElevation: r.value.needsElevation });
    } else {
      const r = await api.close({
        localAddress: row.localAddress,
        localPort: row.localPort,
        remoteAddress: row.remoteAddress ?? '',
        remotePort: row.remotePort ?? 0,
        confirm: true,
        ...(asAdmin ? { elevate: true } : {}),
      });
      onActed?.();
      if (!r.ok) return setPhase({ step: 'done', message: r.message, failed: true });
      setPhase({ step: 'done', message: r.value.message, failed: r.value.result !== 'closed', needsElevation: r.value.needsElevation });
    }
  };
  const planNeedsElevation = phase.step === 'plan' && Boolean(phase.kill?.needsElevation || phase.close?.needsElevation);

  const title = kind === 'kill' ? `End ${printable(row.processName ?? 'process')} (PID ${row.pid ?? '?'})?` : 'Close this connection?';
  const services = kind === 'kill' ? row.services : [];
  const offerServices = services.length > 0 && (phase.step === 'planning' || phase.step === 'plan' || phase.step === 'refused');
  const planRefused = phase.step === 'plan' && ((phase.kill && phase.kill.result !== 'planned') || (phase.close && phase.close.result !== 'planned'));

  if (service.phase.step !== 'idle') {
    const acting = service.phase.step === 'acting';
    return (
      <div className="modal-backdrop" onMouseDown={acting ? undefined : onCancel}>
        <div className="modal" role="dialog" aria-modal="true" aria-label={`Stop Windows service ${service.phase.name}?`} data-testid="action-dialog" onMouseDown={(e) => e.stopPropagation()}>
          <ServiceStopView
            phase={service.phase}
            elevate={service.elevate}
            onElevate={service.setElevate}
            onConfirm={(asAdmin) => void service.confirm(asAdmin)}
            onBack={service.back}
            onClose={onDone}
          />
        </div>
      </div>
    );
  }

  return (
    <div className="modal-backdrop" onMouseDown={onCancel}>
      <div className="modal" role="dialog" aria-modal="true" aria-label={title} data-testid="action-dialog" onMouseDown={(e) => e.stopPropagation()}>
        <h2>{title}</h2>
        {offerServices && <ServiceOffer processName={row.processName} services={services} onStop={(name) => void service.choose(name)} />}
        {phase.step === 'planning' && <p className="muted">Asking what this would do…</p>}
        {phase.step === 'refused' && (
          <p className="error-text" data-testid="action-refused">
            {phase.message}
          </p>
        )}
        {phase.step === 'plan' && phase.kill && (
          <>
            <p data-testid="action-plan-message">{phase.kill.message}</p>
            <table className="plan" data-testid="kill-plan">
              <thead>
                <tr>
                  <th>PID</th>
                  <th>Process</th>
                  <th>Ports</th>
                  <th>Services</th>
                  <th>Children</th>
                </tr>
              </thead>
              <tbody>
                {phase.kill.targets.map((t) => (
                  <tr key={t.pid}>
                    <td className="num">{t.pid}</td>
                    <td title={printable(t.command ?? t.path ?? '') || undefined}>
                      {printable(t.name ?? '?')}
                      {t.role === 'child' && <span className="badge">child</span>}
                      {t.user && <span className="muted small"> · {printable(t.user)}</span>}
                      {t.path && <div className="muted small">{printable(t.path)}</div>}
                      {t.protectedReason && <div className="error-text small">Protected: {t.protectedReason}</div>}
                      {t.supervisor && <SupervisorNote supervisor={t.supervisor} />}
                    </td>
                    <td>{t.ports.join(', ') || '—'}</td>
                    <td>{printable(t.services.join(', ')) || '—'}</td>
                    <td>{t.children.length ? t.children.join(', ') : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="options">
              <label>
                <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} data-testid="kill-force" /> Force immediately (no graceful
                stop)
              </label>
              <label className={force ? 'muted' : undefined}>
                Wait{' '}
                <input
                  type="number"
                  className="grace-input"
                  min={0}
                  max={MAX_GRACE_SEC}
                  step={1}
                  value={graceText}
                  disabled={force}
                  onChange={(e) => setGraceText(e.target.value)}
                  aria-invalid={!force && graceMs === null}
                  data-testid="kill-grace"
                />{' '}
                seconds after the graceful stop before forcing
              </label>
              {!force && graceMs === null && (
                <span className="error-text small" data-testid="kill-grace-error">
                  Give the grace time in seconds, 0 to {MAX_GRACE_SEC}.
                </span>
              )}
              <label>
                <input type="checkbox" checked={tree} onChange={(e) => setTree(e.target.checked)} /> Also end its child processes
              </label>
              {phase.kill.needsElevation && (
                <label>
                  <input type="checkbox" checked={elevate} onChange={(e) => setElevate(e.target.checked)} data-testid="action-elevate" /> End as administrator (the
                  system will ask for a password)
                </label>
              )}
            </div>
          </>
        )}
        {phase.step === 'plan' && phase.close && (
          <>
            <p className="mono">
              {endpoint(row.localAddress, row.localPort)} ⇄ {endpoint(row.remoteAddress, row.remotePort)} · {printable(row.processName ?? '?')} ({row.pid ?? '?'})
            </p>
            <p data-testid="action-plan-message">{phase.close.message}</p>
            {phase.close.needsElevation && (
              <label>
                <input type="checkbox" checked={elevate} onChange={(e) => setElevate(e.target.checked)} data-testid="action-elevate" /> Close as administrator (the
                system will ask for a password)
              </label>
            )}
          </>
        )}
        {phase.step === 'acting' && <p className="muted">Working…</p>}
        {phase.step === 'done' ? (
          <ActionOutcome
            testIdPrefix="action"
            message={phase.message}
            failed={phase.failed}
            needsElevation={phase.needsElevation}
            onRetryElevated={() => void act(true)}
            onClose={onDone}
          >
            {phase.offer && <SupervisorNote supervisor={phase.offer} />}
          </ActionOutcome>
        ) : (
          <div className="modal-buttons">
            <button type="button" onClick={onCancel} data-testid="action-cancel" autoFocus>
              Cancel
            </button>
            <button
              type="button"
              className="danger"
              disabled={phase.step !== 'plan' || Boolean(planRefused && !planNeedsElevation) || (kind === 'kill' && !force && graceMs === null)}
              onClick={() => void act(elevate)}
              data-testid="action-confirm"
            >
              {kind === 'kill' ? 'End process' : 'Close connection'}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
