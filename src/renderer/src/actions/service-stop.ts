/**
 * Stopping a Windows service from the kill dialog (instead of ending the svchost / host process that
 * the Service Control Manager would restart, and that may host other services too). A vanilla zustand
 * store over PortScopeApi, testable without React: `choose` asks main for the plan (`confirm: false`
 * does nothing), `confirm` acts only on the user's click and keeps main's honest message.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PortScopeApi } from '../../../shared/api';
import type { StopServiceOutcome, StopServiceRequest } from '../../../shared/actions';

export type ServiceStopPhase =
  /** Nothing chosen: the kill dialog shows its own plan (and the offer). */
  | { step: 'idle' }
  | { step: 'planning'; name: string }
  | { step: 'plan'; name: string; plan: StopServiceOutcome }
  /** Main said no before any plan (UNSUPPORTED off Windows, bad name, transport error). */
  | { step: 'refused'; name: string; message: string; code: string }
  | { step: 'acting'; name: string; elevated: boolean }
  | { step: 'done'; name: string; message: string; failed: boolean; needsElevation: boolean };

export interface ServiceStopState {
  phase: ServiceStopPhase;
  /** "Stop as administrator" (shown only when the plan says it needs elevation). */
  elevate: boolean;
  setElevate(elevate: boolean): void;
  /** Show the plan for stopping this service. */
  choose(name: string): Promise<void>;
  /** Stop it (after the user confirmed the plan, or retry elevated after a permission denial). */
  confirm(asAdmin: boolean): Promise<void>;
  /** Back to the kill dialog; a pending answer is ignored. */
  back(): void;
}

export type ServiceStopStore = StoreApi<ServiceStopState>;

export interface ServiceStopOptions {
  /** After every confirmed attempt (main audited it). */
  onActed?(): void;
}

/** Only "stopped" ended it; "already stopped" is not a failure either (nothing was running to stop). Pure. */
export function serviceStopFailed(outcome: Pick<StopServiceOutcome, 'result'>): boolean {
  return outcome.result !== 'stopped' && outcome.result !== 'already-stopped';
}

/** The plan allows a confirm: it is 'planned', or it says rights are missing (then only elevated). Pure. */
export function canConfirmServicePlan(plan: Pick<StopServiceOutcome, 'result' | 'needsElevation'>): boolean {
  return plan.result === 'planned' || Boolean(plan.needsElevation);
}

export function stopServiceRequest(name: string, confirm: boolean, elevate: boolean): StopServiceRequest {
  return { name, confirm, ...(elevate ? { elevate: true } : {}) };
}

export function createServiceStopStore(api: PortScopeApi, options: ServiceStopOptions = {}): ServiceStopStore {
  // Each choose/back starts a new turn; answers from an older turn are dropped.
  let turn = 0;
  return createStore<ServiceStopState>()((set, get) => ({
    phase: { step: 'idle' },
    elevate: false,

    setElevate: (elevate) => set({ elevate }),

    async choose(name) {
      const mine = ++turn;
      set({ phase: { step: 'planning', name }, elevate: false });
      const r = await api.stopService(stopServiceRequest(name, false, false));
      if (mine !== turn) return;
      if (!r.ok) return set({ phase: { step: 'refused', name, message: r.message, code: r.code } });
      set({ phase: { step: 'plan', name, plan: r.value } });
    },

    async confirm(asAdmin) {
      const { phase } = get();
      if (phase.step !== 'plan' && phase.step !== 'done') return;
      if (phase.step === 'plan' && !canConfirmServicePlan(phase.plan)) return;
      const { name } = phase;
      const mine = ++turn;
      set({ phase: { step: 'acting', name, elevated: asAdmin } });
      const r = await api.stopService(stopServiceRequest(name, true, asAdmin));
      options.onActed?.();
      if (mine !== turn) return;
      if (!r.ok) return set({ phase: { step: 'done', name, message: r.message, failed: true, needsElevation: false } });
      set({
        phase: { step: 'done', name, message: r.value.message, failed: serviceStopFailed(r.value), needsElevation: Boolean(r.value.needsElevation) },
      });
    },

    back() {
      turn++;
      set({ phase: { step: 'idle' }, elevate: false });
    },
  }));
}
