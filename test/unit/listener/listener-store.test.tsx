import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { API_METHODS, type ApiMethod, type PortScopeApi, type PushEvent } from '../../../src/shared/api';
import { err, ok, type Result } from '../../../src/shared/result';
import type { BindFailure, ListenerInfo } from '../../../src/shared/listener';
import { createListenerPanelStore, formToRequest, initialForm, probeFormToRequest } from '../../../src/renderer/src/features/listener/listener-store';
import { ListenerPanelView } from '../../../src/renderer/src/features/listener/ListenerPanelView';

const info = (over: Partial<ListenerInfo> = {}): ListenerInfo => ({
  id: 'l1',
  port: 8080,
  protocol: 'tcp',
  host: '::',
  families: 'dual',
  reply: { kind: 'http' },
  startedAt: '2026-01-01T00:00:00.000Z',
  stopsAt: '2026-01-01T00:10:00.000Z',
  running: true,
  stopReason: null,
  peerCount: 0,
  log: [],
  clientCommands: [{ tool: 'curl', command: 'curl -v http://192.168.1.20:8080/', address: '192.168.1.20' }],
  firewall: null,
  ...over,
});

function fakeApi(answers: Partial<Record<ApiMethod, (input: unknown) => Result<unknown>>>) {
  const handlers = new Set<(e: PushEvent) => void>();
  const calls: { method: ApiMethod; input: unknown }[] = [];
  const api = Object.fromEntries(
    API_METHODS.map((m) => [
      m,
      async (input: unknown) => {
        calls.push({ method: m, input });
        return answers[m]?.(input) ?? err('NOT_IMPLEMENTED', m);
      },
    ]),
  ) as unknown as PortScopeApi;
  api.subscribe = (h) => {
    handlers.add(h);
    return () => handlers.delete(h);
  };
  return { api, calls, emit: (e: PushEvent) => handlers.forEach((h) => h(e)) };
}

const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

describe('listener panel store', () => {
  it('turns the form into a request, and says what to fix', () => {
    expect(formToRequest({ ...initialForm, port: '9000', host: '::1', reply: 'banner', bannerText: 'hi' })).toEqual({
      ok: true,
      request: { port: 9000, protocol: 'tcp', host: '::1', reply: { kind: 'banner', text: 'hi' }, timeoutSec: 600 },
    });
    expect(formToRequest(initialForm)).toEqual({ ok: true, request: { port: 8080, protocol: 'tcp', reply: { kind: 'http' }, timeoutSec: 600 } });
    expect(formToRequest({ ...initialForm, port: '70000' })).toEqual({ ok: false, message: 'Port: give a number from 1 to 65535.' });
    expect(formToRequest({ ...initialForm, timeoutSec: '0' }).ok).toBe(false);
    expect(probeFormToRequest({ host: '[::1]', port: '22', protocol: 'udp', timeoutMs: '500' })).toEqual({
      ok: true,
      request: { host: '::1', port: 22, protocol: 'udp', timeoutMs: 500 },
    });
    expect(probeFormToRequest({ host: ' ', port: '22', protocol: 'tcp', timeoutMs: '500' }).ok).toBe(false);
  });

  it('starts a listener, then keeps it current from pushes', async () => {
    const fake = fakeApi({ listenStart: () => ok(info()), listeners: () => ok([]), localAddresses: () => ok([]) });
    const store = createListenerPanelStore(fake.api);
    const stop = store.getState().connect();
    await store.getState().start();
    expect(fake.calls.find((c) => c.method === 'listenStart')?.input).toEqual({ port: 8080, protocol: 'tcp', reply: { kind: 'http' }, timeoutSec: 600 });
    const entry = { seq: 1, time: 't', peerAddress: '10.0.0.9', peerPort: 5000, bytesIn: 3, bytesOut: 0, firstBytesText: 'abc', firstBytesHex: '61 62 63', endedAt: null };
    fake.emit({ type: 'listener', listener: info({ log: [entry], peerCount: 1 }) });
    expect(store.getState().listeners).toHaveLength(1);
    expect(store.getState().listeners[0]?.log[0]?.peerAddress).toBe('10.0.0.9');
    stop();
    fake.emit({ type: 'listener', listener: info({ running: false }) });
    expect(store.getState().listeners[0]?.running).toBe(true);
  });

  it('keeps a bind failure, and "use suggested port" fills the form', async () => {
    const failure: BindFailure = { cause: 'in-use', message: 'Port 8080/tcp is already in use by nginx (pid 7).', holder: { pid: 7, processName: 'nginx', rowId: 'r7' }, suggestedPort: 8081 };
    const fake = fakeApi({ listenStart: () => ok({ bindFailure: failure }) });
    const store = createListenerPanelStore(fake.api);
    expect(await store.getState().start()).toBeNull();
    expect(store.getState().bindFailure?.holder?.pid).toBe(7);
    store.getState().useSuggestedPort();
    expect(store.getState().form.port).toBe('8081');
    expect(store.getState().bindFailure).toBeNull();
  });

  it('does not call the API for bad input; shows the API error otherwise', async () => {
    const fake = fakeApi({ listenStart: () => err('BAD_INPUT', 'nope'), probe: () => ok({ verdict: 'refused', message: 'closed', elapsedMs: 1 }) });
    const store = createListenerPanelStore(fake.api);
    store.getState().setForm({ port: 'x' });
    await store.getState().start();
    expect(fake.calls.some((c) => c.method === 'listenStart')).toBe(false);
    expect(store.getState().startError).toContain('Port');
    store.getState().setForm({ port: '80' });
    await store.getState().start();
    expect(store.getState().startError).toBe('nope');
    expect((await store.getState().probe())?.verdict).toBe('refused');
    expect(store.getState().probeResult?.verdict).toBe('refused');
  });

  it('stop and stop all mark listeners stopped', async () => {
    const fake = fakeApi({
      listeners: () => ok([info(), info({ id: 'l2' })]),
      localAddresses: () => ok([]),
      listenStop: (input) => ok((input as { all?: boolean }).all ? [info({ id: 'l2', running: false })] : [info({ running: false })]),
    });
    const store = createListenerPanelStore(fake.api);
    store.getState().connect();
    await flush();
    await store.getState().stop('l1');
    await store.getState().stopAll();
    expect(store.getState().listeners.map((l) => l.running)).toEqual([false, false]);
  });

  it('the panel renders the stable test ids the e2e test uses', () => {
    const fake = fakeApi({});
    const store = createListenerPanelStore(fake.api);
    store.setState({
      listeners: [info({ log: [{ seq: 1, time: '2026-01-01T00:00:01.000Z', peerAddress: '::1', peerPort: 4000, bytesIn: 2, bytesOut: 2, firstBytesText: 'hi', firstBytesHex: '68 69', endedAt: null }] })],
      bindFailure: { cause: 'in-use', message: 'busy', holder: { pid: 1, processName: 'x', rowId: 'r' }, suggestedPort: 8081 },
      probeResult: { verdict: 'open', message: 'ok', elapsedMs: 1 },
    });
    // Server rendering reads getInitialState(); point it at the state set above.
    const rendered = { ...store, getInitialState: store.getState };
    const html = renderToStaticMarkup(<ListenerPanelView store={rendered} onShowHolder={() => undefined} />);
    for (const id of [
      'listener-panel', 'listener-port', 'listener-protocol', 'listener-host', 'listener-reply', 'listener-timeout', 'listener-start',
      'listener-bind-failure', 'listener-show-holder', 'listener-use-suggested', 'listener-stop-all', 'listener-item', 'listener-stop',
      'listener-commands', 'listener-copy', 'listener-log', 'listener-log-row', 'probe-host', 'probe-port', 'probe-protocol', 'probe-timeout', 'probe-run', 'probe-result',
    ]) {
      expect(html, id).toContain(`data-testid="${id}"`);
    }
    expect(html).toContain('data-peer="[::1]:4000"');
  });
});
