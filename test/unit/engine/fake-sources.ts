/** Fake collectors and process providers for engine tests: no OS access. */
import type { Collector } from '../../../src/main/collectors/types';
import type { ProcessFactsProvider } from '../../../src/main/process/types';
import type { RawSocket } from '../../../src/shared/types';

export function raw(over: Partial<RawSocket> = {}): RawSocket {
  return {
    protocol: 'tcp', family: 4, localAddress: '127.0.0.1', localPort: 8080, localScope: null, remoteAddress: null,
    remotePort: null, remoteScope: null, state: 'LISTEN', owners: [{ pid: 10, processName: 'srv' }], uid: 0,
    ownerHidden: null, dualStack: false, ...over,
  };
}

/** A collector whose table the test sets; counts its calls; may be held open with `gate`. */
export function fakeCollector(name = 'fake'): Collector & { rows: RawSocket[]; calls: number; gate: Promise<void> | null } {
  const collector = {
    name,
    rows: [] as RawSocket[],
    calls: 0,
    gate: null as Promise<void> | null,
    available: async () => true,
    async collect() {
      collector.calls++;
      if (collector.gate) await collector.gate;
      return { rows: collector.rows.map((r) => ({ ...r })), unparsedLines: 0, ownersHidden: null };
    },
  };
  return collector;
}

export const fakeProvider: ProcessFactsProvider = {
  name: 'fake',
  collect: async (pids) =>
    new Map(pids.map((pid) => [pid, { pid, name: `proc${pid}`, path: `/bin/proc${pid}`, command: `proc${pid} --x`, user: 'root', started: '2026-01-01T00:00:00.000Z', startKey: '1', services: [], parentPid: 1 }])),
  userName: async (uid) => (uid === 0 ? 'root' : null),
};

/**
 * A collector that hands out the very raw objects `table()` returns, as the ss collector does for unchanged
 * lines, so the engine can reuse their rows.
 */
export function keepingCollector(table: () => RawSocket[], name = 'keeps'): Collector {
  return { name, available: async () => true, collect: async () => ({ rows: table(), unparsedLines: 0, ownersHidden: null }) };
}

/** Like the real providers: facts of a process that did not restart are handed back as the same objects. */
export const keepingProvider: ProcessFactsProvider = {
  name: 'keeps',
  collect: async (pids, known) => (known.size ? new Map(known) : fakeProvider.collect(pids, known)),
};
