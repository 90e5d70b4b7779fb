/** list / who / setPollInterval over the engine. Filtering is here so every face filters the same way. */
import type { Handlers, Emit } from './handlers';
import type { Engine } from '../engine/engine';
import type { ListInput } from '../../shared/api';
import type { Protocol, SocketRow } from '../../shared/types';
import { err, ok } from '../../shared/result';

type EngineHandlers = Pick<Handlers, 'list' | 'who' | 'setPollInterval'>;

/** A listener: TCP LISTEN (or BOUND on Windows), or any UDP socket without a peer. */
export function isListening(row: SocketRow): boolean {
  if (row.protocol === 'udp') return row.remoteAddress === null;
  return row.state === 'LISTEN' || row.state === 'BOUND';
}

/** `--process NAME`: case-insensitive, matches any owner's name, a substring is enough. */
function matchesProcess(row: SocketRow, name: string): boolean {
  const needle = name.toLowerCase();
  const names = row.owners.length ? row.owners.map((o) => o.processName) : [row.processName];
  return names.some((n) => n !== null && n.toLowerCase().includes(needle));
}

export function filterRows(rows: readonly SocketRow[], input: ListInput): SocketRow[] {
  const { listening, protocol, port, pid, process } = input;
  if (!listening && !protocol && port === undefined && pid === undefined && process === undefined) return rows.slice(); // no test per row
  return rows.filter(
    (row) =>
      (!listening || isListening(row)) &&
      (!protocol || row.protocol === protocol) &&
      (port === undefined || row.localPort === port || row.remotePort === port) &&
      (pid === undefined || row.owners.some((o) => o.pid === pid) || row.pid === pid) &&
      (process === undefined || matchesProcess(row, process)),
  );
}

/**
 * Who owns a local port: its listeners and bound UDP sockets. When nothing listens, the TCP connections
 * using it as their local port (a client's source port) — but not TIME_WAIT, which has no owner.
 */
export function whoRows(rows: readonly SocketRow[], port: number, protocol?: Protocol): SocketRow[] {
  const onPort = rows.filter((r) => r.localPort === port && (!protocol || r.protocol === protocol));
  const listeners = onPort.filter((r) => r.protocol === 'udp' || isListening(r));
  return listeners.length ? listeners : onPort.filter((r) => r.state !== 'TIME_WAIT');
}

export function createEngineHandlers(ctx: { engine: Engine; emit: Emit }): EngineHandlers {
  const current = async () => {
    try {
      return ok(await ctx.engine.current());
    } catch (error) {
      return err('FAILED', `Could not read the socket table: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return {
    async list(input) {
      const snap = await current();
      if (!snap.ok) return snap;
      return ok({ ...snap.value, rows: filterRows(snap.value.rows, input) });
    },
    async who({ port, protocol }) {
      const snap = await current();
      if (!snap.ok) return snap;
      return ok(whoRows(snap.value.rows, port, protocol));
    },
    async setPollInterval({ ms }) {
      ctx.engine.setInterval(ms);
      return ok({ ms: ctx.engine.intervalMs() });
    },
  };
}
