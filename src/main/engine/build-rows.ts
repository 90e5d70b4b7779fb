/**
 * Join a collection's raw sockets with process facts into the contract's rows (pure). Rows get a stable
 * id `proto|local[%scope]|lport|remote|rport|pid` (a `#n` suffix tells identical tuples apart, e.g.
 * SO_REUSEPORT listeners of one process) and a stable order: protocol, local port, local address, remote.
 */
import type { ProcessFacts, RawSocket, SocketOwner, SocketRow } from '../../shared/types';

export interface RowFacts {
  facts: ReadonlyMap<number, ProcessFacts>;
  /** Partial facts the socket source gave (tasklist names, services); fill what facts lack. */
  hints?: ReadonlyMap<number, Partial<ProcessFacts>>;
  /** uid -> user name, for sockets whose process is hidden or gone. */
  userNames?: ReadonlyMap<number, string>;
}

export function rowId(raw: RawSocket, pid: number | null): string {
  const local = raw.localScope ? `${raw.localAddress}%${raw.localScope}` : raw.localAddress;
  const remote = raw.remoteAddress === null ? '*' : raw.remoteScope ? `${raw.remoteAddress}%${raw.remoteScope}` : raw.remoteAddress;
  return `${raw.protocol}|${local}|${raw.localPort}|${remote}|${raw.remotePort ?? '*'}|${pid ?? '-'}`;
}

function compareRows(a: SocketRow, b: SocketRow): number {
  if (a.protocol !== b.protocol) return a.protocol < b.protocol ? -1 : 1;
  if (a.localPort !== b.localPort) return a.localPort - b.localPort;
  if (a.localAddress !== b.localAddress) return a.localAddress < b.localAddress ? -1 : 1;
  const ra = a.remoteAddress ?? '';
  const rb = b.remoteAddress ?? '';
  if (ra !== rb) return ra < rb ? -1 : 1;
  return (a.remotePort ?? 0) - (b.remotePort ?? 0);
}

/** Shared by every row without services (most of them); frozen so nobody can add to it by mistake. */
const NO_SERVICES: string[] = Object.freeze([]) as unknown as string[];

function mergeServices(...lists: (readonly string[] | undefined)[]): string[] {
  const present = lists.filter((l): l is readonly string[] => l !== undefined && l.length > 0);
  if (present.length === 0) return NO_SERVICES;
  return present.length === 1 ? [...present[0]!] : [...new Set(present.flat())];
}

export function buildRows(raws: readonly RawSocket[], join: RowFacts): SocketRow[] {
  const rows: SocketRow[] = [];
  const seen = new Map<string, number>();
  // Collectors may share one owner list between rows (Linux does per process): so do the rows.
  const namedOwners = new Map<readonly SocketOwner[], SocketOwner[]>();
  const nameOwners = (list: readonly SocketOwner[]): SocketOwner[] =>
    list.map((o) => ({ pid: o.pid, processName: join.facts.get(o.pid)?.name ?? o.processName ?? join.hints?.get(o.pid)?.name ?? null }));
  for (const raw of raws) {
    const pid = raw.owners[0]?.pid ?? null;
    const facts = pid === null ? undefined : join.facts.get(pid);
    const hint = pid === null ? undefined : join.hints?.get(pid);
    let owners = namedOwners.get(raw.owners);
    if (!owners) namedOwners.set(raw.owners, (owners = nameOwners(raw.owners)));
    let id = rowId(raw, pid);
    const count = seen.get(id) ?? 0;
    seen.set(id, count + 1);
    if (count > 0) id = `${id}#${count + 1}`;
    const services = mergeServices(raw.services, facts?.services, hint?.services);
    rows.push({
      id,
      protocol: raw.protocol,
      family: raw.family,
      localAddress: raw.localAddress,
      localPort: raw.localPort,
      localScope: raw.localScope,
      remoteAddress: raw.remoteAddress,
      remotePort: raw.remotePort,
      remoteScope: raw.remoteScope,
      state: raw.state,
      pid,
      processName: owners[0]?.processName ?? null,
      owners,
      services,
      uid: raw.uid,
      user: facts?.user ?? hint?.user ?? (raw.uid === null ? null : (join.userNames?.get(raw.uid) ?? null)),
      processPath: facts?.path ?? raw.processPath ?? hint?.path ?? null,
      processCommand: facts?.command ?? hint?.command ?? null,
      processStarted: facts?.started ?? hint?.started ?? null,
      ownerHidden: raw.ownerHidden,
      dualStack: raw.dualStack,
      ...(raw.socketCreated !== undefined ? { socketCreated: raw.socketCreated } : {}),
      meaning: null,
    });
  }
  return rows.sort(compareRows);
}
