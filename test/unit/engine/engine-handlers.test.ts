import { describe, expect, it } from 'vitest';
import { filterRows, whoRows, createEngineHandlers } from '../../../src/main/service/engine-handlers';
import { buildRows } from '../../../src/main/engine/build-rows';
import { createEngine } from '../../../src/main/engine/engine';
import { fakeCollector, fakeProvider, raw } from './fake-sources';

const rows = buildRows(
  [
    raw({ localPort: 80, owners: [{ pid: 1, processName: 'nginx' }, { pid: 2, processName: 'nginx' }] }),
    raw({ localPort: 80, state: 'ESTABLISHED', remoteAddress: '10.0.0.9', remotePort: 5555, owners: [{ pid: 2, processName: 'nginx' }] }),
    raw({ localPort: 40000, state: 'ESTABLISHED', remoteAddress: '10.0.0.9', remotePort: 443, owners: [{ pid: 7, processName: 'Web Content' }] }),
    raw({ localPort: 40001, state: 'TIME_WAIT', remoteAddress: '10.0.0.9', remotePort: 443, owners: [] }),
    raw({ protocol: 'udp', localPort: 53, state: null, owners: [{ pid: 3, processName: 'dnsmasq' }] }),
  ],
  { facts: new Map() },
);

describe('filterRows', () => {
  it('filters by listening, protocol, port (local or remote), pid (any owner) and process name', () => {
    expect(filterRows(rows, { listening: true }).map((r) => r.localPort)).toEqual([80, 53]);
    expect(filterRows(rows, { protocol: 'udp' }).map((r) => r.localPort)).toEqual([53]);
    expect(filterRows(rows, { port: 443 }).map((r) => r.localPort)).toEqual([40000, 40001]);
    expect(filterRows(rows, { pid: 2 }).map((r) => r.state)).toEqual(['LISTEN', 'ESTABLISHED']);
    expect(filterRows(rows, { process: 'web con' }).map((r) => r.localPort)).toEqual([40000]);
  });
});

describe('whoRows', () => {
  it('returns listeners and bound UDP sockets of a port, either protocol', () => {
    expect(whoRows(rows, 80).map((r) => r.state)).toEqual(['LISTEN']);
    expect(whoRows(rows, 53).map((r) => r.protocol)).toEqual(['udp']);
    expect(whoRows(rows, 53, 'tcp')).toEqual([]);
  });
  it('falls back to connections using the port locally, never TIME_WAIT', () => {
    expect(whoRows(rows, 40000).map((r) => r.pid)).toEqual([7]);
    expect(whoRows(rows, 40001)).toEqual([]);
    expect(whoRows(rows, 9)).toEqual([]);
  });
});

describe('createEngineHandlers', () => {
  it('answers list/who from the engine and sets the interval', async () => {
    const source = fakeCollector();
    source.rows = [raw({ localPort: 80 })];
    const engine = createEngine({ intervalMs: 0, emit: () => undefined, collectors: [source], processProvider: fakeProvider });
    const handlers = createEngineHandlers({ engine, emit: () => undefined });
    const list = await handlers.list({ port: 80 });
    expect(list.ok && list.value.rows.length).toBe(1);
    const who = await handlers.who({ port: 81 });
    expect(who).toEqual({ ok: true, value: [] });
    expect(await handlers.setPollInterval({ ms: 0 })).toEqual({ ok: true, value: { ms: 0 } });
    engine.stop();
  });
  it('turns a failed collection into a FAILED result', async () => {
    const engine = createEngine({ intervalMs: 0, emit: () => undefined, collectors: [], processProvider: fakeProvider });
    const result = await createEngineHandlers({ engine, emit: () => undefined }).list({});
    expect(result).toMatchObject({ ok: false, code: 'FAILED' });
  });
});
