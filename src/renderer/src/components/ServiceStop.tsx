/**
 * The "stop the Windows service instead" parts of the kill dialog. Presentational: the phase comes from
 * the service-stop store (actions/service-stop.ts), the dialog wires the callbacks.
 */
import type { ReactNode } from 'react';
import { printable } from '../../../shared/printable';
import type { ServiceStopPhase } from '../actions/service-stop';
import { canConfirmServicePlan } from '../actions/service-stop';
import { ActionOutcome } from './ActionOutcome';

export interface ServiceOfferProps {
  processName: string | null;
  services: string[];
  onStop(name: string): void;
}

/** Shown in the kill plan when the owner hosts Windows services: one "Stop service X" per service. */
export function ServiceOffer({ processName, services, onStop }: ServiceOfferProps): ReactNode {
  if (services.length === 0) return null;
  return (
    <div className="callout info small" data-testid="service-offer">
      <b>{printable(processName ?? 'This process')}</b> hosts the Windows {services.length === 1 ? 'service' : 'services'} {services.join(', ')}. Stopping the service is
      safer than ending the process: Windows would restart it, and a shared host (svchost) runs other services too.
      <div className="modal-buttons">
        {services.map((name) => (
          <button type="button" key={name} onClick={() => onStop(name)} data-testid="service-stop-offer" data-service={name}>
            Stop service {name}
          </button>
        ))}
      </div>
    </div>
  );
}

export interface ServiceStopViewProps {
  phase: Exclude<ServiceStopPhase, { step: 'idle' }>;
  elevate: boolean;
  onElevate(elevate: boolean): void;
  onConfirm(asAdmin: boolean): void;
  /** Back to the kill plan. */
  onBack(): void;
  /** Close the dialog with the outcome. */
  onClose(message: string, failed: boolean): void;
}

/** Title, plan / outcome and buttons for stopping one service (the dialog's whole content meanwhile). */
export function ServiceStopView({ phase, elevate, onElevate, onConfirm, onBack, onClose }: ServiceStopViewProps): ReactNode {
  const confirmable = phase.step === 'plan' && canConfirmServicePlan(phase.plan);
  const planState = phase.step === 'plan' ? phase.plan : null;
  return (
    <div data-testid="service-stop" data-service={phase.name}>
      <h2>Stop Windows service {phase.name}?</h2>
      {phase.step === 'planning' && <p className="muted">Asking what this would do…</p>}
      {phase.step === 'refused' && (
        <p className="error-text" data-testid="service-stop-refused">
          {phase.message}
        </p>
      )}
      {planState && (
        <>
          <p className={planState.result === 'planned' ? undefined : 'error-text'} data-testid="service-stop-plan-message">
            {planState.message}
          </p>
          {(planState.state || planState.pid || planState.method) && (
            <p className="muted small" data-testid="service-stop-facts">
              {planState.state && <>State: {planState.state}</>}
              {planState.pid ? <> · hosted by PID {planState.pid}</> : null}
              {planState.method && (
                <>
                  {' '}
                  · <code className="mono">{planState.method}</code>
                </>
              )}
            </p>
          )}
          {planState.needsElevation && (
            <div className="options">
              <label>
                <input type="checkbox" checked={elevate} onChange={(e) => onElevate(e.target.checked)} data-testid="service-stop-elevate" /> Stop as
                administrator (Windows will ask for permission)
              </label>
            </div>
          )}
        </>
      )}
      {phase.step === 'acting' && <p className="muted">Stopping {phase.name}{phase.elevated ? ' as administrator' : ''}…</p>}
      {phase.step === 'done' ? (
        <ActionOutcome
          testIdPrefix="service-stop"
          message={phase.message}
          failed={phase.failed}
          needsElevation={phase.needsElevation}
          onRetryElevated={() => onConfirm(true)}
          onClose={onClose}
        />
      ) : (
        <div className="modal-buttons">
          <button type="button" onClick={onBack} disabled={phase.step === 'acting'} data-testid="service-stop-back" autoFocus>
            Back
          </button>
          <button
            type="button"
            className="danger"
            disabled={!confirmable || (planState?.result !== 'planned' && !elevate)}
            onClick={() => onConfirm(elevate)}
            data-testid="service-stop-confirm"
          >
            Stop service {phase.name}
          </button>
        </div>
      )}
    </div>
  );
}
