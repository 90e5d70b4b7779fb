import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { createServiceStopStore, serviceStopFailed, type ServiceStopPhase } from '../../../src/renderer/src/actions/service-stop';
import { ServiceOffer, ServiceStopView, type ServiceStopViewProps } from '../../../src/renderer/src/components/ServiceStop';
import { ActionDialog, buildKillRequest } from '../../../src/renderer/src/components/ActionDialog';
import type { StopServiceOutcome, StopServiceRequest } from '../../../src/shared/actions';
import { err, ok } from '../../../src/shared/result';
import type { Snapshot } from '../../../src/shared/types';
import { createFakeApi } from './fake-api';
import { makeRow } from './make-row';

const noop = (): void => {};
const empty: Snapshot = { seq: 1, takenAt: '2024-01-01T00:00:00.000Z', costMs: 1, source: 'netstat', rows: [], unparsedLines: 0, ownersHidden: null };
const svchost = makeRow({
  localPort: 80,
  pid: 1234,
  processName: 'svchost.exe',
  owners: [{ pid: 1234, processName: 'svchost.exe' }],
  services: ['W3SVC', 'WAS'],
  processStartKey: 'win:133000000000000000',
});

const planned: StopServiceOutcome = {
  result: 'planned',
  service: 'W3SVC',
  state: 'RUNNING',
  pid: 1234,
  method: 'sc.exe stop W3SVC',
  message: 'would stop Windows service W3SVC (hosted by pid 1234), now RUNNING, with `sc.exe stop W3SVC`; services that depend on it must be stopped first',
};
const stopped: StopServiceOutcome = { ...planned, result: 'stopped', state: 'STOPPED', message: 'stopped Windows service W3SVC (hosted by pid 1234)' };
const denied: StopServiceOutcome = {
  ...planned,
  result: 'permission-denied',
  needsElevation: true,
  message: 'permission denied — stopping W3SVC needs administrator: run PortScope as administrator, or confirm again with elevation',
};

/** A fake API whose stopService answers in order: the plan for confirm:false, then each queued confirm answer. */
function serviceApi(afterConfirm: StopServiceOutcome[]) {
  const queue = [...afterConfirm];
  return createFakeApi(empty, {
    stopService: (input: StopServiceRequest) => ok(input.confirm ? (queue.shift() ?? stopped) : planned),
  });
}
const stopCalls = (fake: ReturnType<typeof createFakeApi>): unknown[] => fake.calls.filter((c) => c.method === 'stopService').map((c) => c.input);

const view = (phase: ServiceStopViewProps['phase'], over: Partial<ServiceStopViewProps> = {}): string =>
  renderToStaticMarkup(<ServiceStopView phase={phase} elevate={false} onElevate={noop} onConfirm={noop} onBack={noop} onClose={noop} {...over} />);

describe('stop a Windows service instead of killing its host', () => {
  it('flow: plan (confirm:false) → the user confirms → "stopped", audited once', async () => {
    const fake = serviceApi([stopped]);
    let acted = 0;
    const store = createServiceStopStore(fake.api, { onActed: () => acted++ });
    await store.getState().choose('W3SVC');
    const plan = store.getState().phase;
    expect(plan).toEqual({ step: 'plan', name: 'W3SVC', plan: planned });
    expect(acted).toBe(0);
    expect(view(plan as Exclude<ServiceStopPhase, { step: 'idle' }>)).toContain('would stop Windows service W3SVC');

    await store.getState().confirm(false);
    expect(store.getState().phase).toMatchObject({ step: 'done', name: 'W3SVC', message: 'stopped Windows service W3SVC (hosted by pid 1234)', failed: false });
    expect(acted).toBe(1);
    expect(stopCalls(fake)).toEqual([
      { name: 'W3SVC', confirm: false },
      { name: 'W3SVC', confirm: true },
    ]);
  });

  it('permission denied → offers elevation → retry sends elevate: true', async () => {
    const fake = serviceApi([denied, stopped]);
    const store = createServiceStopStore(fake.api);
    await store.getState().choose('W3SVC');
    await store.getState().confirm(false);
    const done = store.getState().phase;
    expect(done).toMatchObject({ step: 'done', failed: true, needsElevation: true });
    const html = view(done as Exclude<ServiceStopPhase, { step: 'idle' }>);
    expect(html).toContain('permission denied — stopping W3SVC needs administrator');
    expect(html).toContain('data-testid="service-stop-retry-elevated"');

    await store.getState().confirm(true);
    expect(store.getState().phase).toMatchObject({ step: 'done', failed: false });
    expect(stopCalls(fake).at(-1)).toEqual({ name: 'W3SVC', confirm: true, elevate: true });
  });

  it('UNSUPPORTED (Linux/macOS) shows main’s message and nothing can be confirmed', async () => {
    const reason = 'Stopping a service is only for Windows services; on this OS end the process instead (or stop its unit: systemctl stop / launchctl bootout).';
    const fake = createFakeApi(empty, { stopService: () => err('UNSUPPORTED', reason) });
    const store = createServiceStopStore(fake.api);
    await store.getState().choose('W3SVC');
    const phase = store.getState().phase;
    expect(phase).toEqual({ step: 'refused', name: 'W3SVC', message: reason, code: 'UNSUPPORTED' });
    await store.getState().confirm(false);
    expect(stopCalls(fake)).toHaveLength(1);
    const html = view(phase as Exclude<ServiceStopPhase, { step: 'idle' }>);
    expect(html).toContain('data-testid="service-stop-refused"');
    expect(html).toContain('only for Windows services');
    expect(html).toMatch(/disabled=""[^>]*data-testid="service-stop-confirm"/);
  });

  it('back drops a pending plan; a refused-protected plan cannot be confirmed', async () => {
    const fake = createFakeApi(empty, { stopService: () => ok({ ...planned, service: 'RpcSs', result: 'refused-protected', message: 'refused: RpcSs is a core Windows service' }) });
    const store = createServiceStopStore(fake.api);
    const pending = store.getState().choose('RpcSs');
    store.getState().back();
    await pending;
    expect(store.getState().phase).toEqual({ step: 'idle' });
    await store.getState().choose('RpcSs');
    await store.getState().confirm(false);
    expect(stopCalls(fake).every((c) => (c as StopServiceRequest).confirm === false)).toBe(true);
    expect(view(store.getState().phase as Exclude<ServiceStopPhase, { step: 'idle' }>)).toMatch(/disabled=""[^>]*data-testid="service-stop-confirm"/);
  });

  it('a plan that needs elevation shows the "as administrator" option', () => {
    const html = view({ step: 'plan', name: 'W3SVC', plan: { ...planned, needsElevation: true } });
    expect(html).toContain('data-testid="service-stop-elevate"');
    expect(html).toContain('State: RUNNING');
    expect(html).toContain('sc.exe stop W3SVC');
    expect(view({ step: 'plan', name: 'W3SVC', plan: planned })).not.toContain('service-stop-elevate');
  });

  it('only "stopped" and "already stopped" read as success', () => {
    expect(serviceStopFailed({ result: 'stopped' })).toBe(false);
    expect(serviceStopFailed({ result: 'already-stopped' })).toBe(false);
    for (const result of ['still-running', 'permission-denied', 'refused-protected', 'not-found', 'failed'] as const) expect(serviceStopFailed({ result })).toBe(true);
  });

  it('the kill dialog offers "Stop service X" for each hosted service, and nothing for plain processes', () => {
    const fake = serviceApi([]);
    const dialog = (row = svchost, kind: 'kill' | 'close' = 'kill'): string =>
      renderToStaticMarkup(<ActionDialog kind={kind} row={row} api={fake.api} onUnavailable={noop} onDone={noop} onCancel={noop} />);
    const html = dialog();
    expect(html).toContain('data-testid="service-offer"');
    expect(html).toContain('Stop service W3SVC');
    expect(html).toContain('Stop service WAS');
    expect(html).toContain('shared host (svchost)');
    expect(dialog(makeRow())).not.toContain('service-offer');
    expect(dialog(svchost, 'close')).not.toContain('service-offer');
    expect(renderToStaticMarkup(<ServiceOffer processName="x" services={[]} onStop={noop} />)).toBe('');
  });
});

describe('kill request', () => {
  it('pins the root by the row’s start key in targets, next to pid/startKey', () => {
    expect(buildKillRequest(svchost, 'win:133000000000000000', false)).toEqual({
      pid: 1234,
      startKey: 'win:133000000000000000',
      targets: [{ pid: 1234, startKey: 'win:133000000000000000' }],
      confirm: false,
    });
    expect(buildKillRequest(svchost, 'win:133000000000000000', true, { graceMs: 3000, tree: true })).toEqual({
      pid: 1234,
      startKey: 'win:133000000000000000',
      targets: [{ pid: 1234, startKey: 'win:133000000000000000' }],
      force: false,
      tree: true,
      graceMs: 3000,
      confirm: true,
    });
  });

  it('no targets without a start key on the row; force drops the grace time; elevate only when asked', () => {
    const row = makeRow({ pid: 100, processStartKey: null });
    expect(buildKillRequest(row, 'from-plan', true, { force: true, graceMs: 3000, elevate: true })).toEqual({
      pid: 100,
      startKey: 'from-plan',
      force: true,
      tree: false,
      confirm: true,
      elevate: true,
    });
    expect(buildKillRequest(makeRow({ pid: 100 }), null, false)).toEqual({ pid: 100, startKey: null, confirm: false });
  });
});
