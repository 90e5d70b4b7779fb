/**
 * Join a collection's raw sockets with process facts into the contract's rows. Rows get a stable id
 * `proto|local[%scope]|lport|remote|rport|pid` (a `#n` suffix tells identical tuples apart, e.g.
 * SO_REUSEPORT listeners of one process) and a stable order: protocol, local port, local address, remote.
 *
 * A RowBuilder kept across polls hands out the same row object again when its raw socket is the same
 * object as last time (collectors keep unchanged sockets' objects: Linux's ss parse does) with the same
 * owners, hidden-owner note and process facts. At 40k sockets where little changed, a poll then builds,
 * annotates and diffs only what did change.
 */
import type { ProcessFacts, RawSocket, SocketOwner, SocketRow } from '../../shared/types';

export interface RowFacts {
  facts: ReadonlyMap<number, ProcessFacts>;
  /** Partial facts the socket source gave (tasklist names, services); fill what facts lack. */
  hints?: ReadonlyMap<number, Partial<ProcessFacts>>;
  /** uid -> user name, for sockets whose process is hidden or gone. */
  userNames?: ReadonlyMap<number, string>;
  /** Raw sockets whose row must be built anew even when its inputs are the same (its annotation is stale). */
  rebuild?: (raw: RawSocket) => boolean;
}

export function rowId(raw: RawSocket, pid: number | null): string {
  const local = raw.localScope ? `${raw.localAddress}%${raw.localScope}` : raw.localAddress;
  const remote = raw.remoteAddress === null ? '*' : raw.remoteScope ? `${raw.remoteAddress}%${raw.remoteScope}` : raw.remoteAddress;
  // join, not a template literal: that makes a rope (cons string) which JSON.stringify and structured
  // clone must flatten later, ~1 µs per row (40 ms of a 40k-row `list --json`); join makes it flat.
  return [raw.protocol, local, raw.localPort, remote, raw.remotePort ?? '*', pid ?? '-'].join('|');
}

/** The table's order; ids (unique in a build) break ties, so the order is total and a merge equals a sort. */
function compareRows(a: SocketRow, b: SocketRow): number {
  if (a.protocol !== b.protocol) return a.protocol < b.protocol ? -1 : 1;
  if (a.localPort !== b.localPort) return a.localPort - b.localPort;
  if (a.localAddress !== b.localAddress) return a.localAddress < b.localAddress ? -1 : 1;
  const ra = a.remoteAddress ?? '';
  const rb = b.remoteAddress ?? '';
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (a.remotePort !== b.remotePort) return (a.remotePort ?? -1) - (b.remotePort ?? -1);
  return a.id === b.id ? 0 : a.id < b.id ? -1 : 1;
}

/** Two lists in table order as one (the kept rows' order needs no new sort). */
function mergeInOrder(kept: BuiltFrom[], added: BuiltFrom[]): BuiltFrom[] {
  if (added.length === 0) return kept;
  if (kept.length === 0) return added;
  const merged = new Array<BuiltFrom>(kept.length + added.length);
  let k = 0;
  let a = 0;
  for (let i = 0; i < merged.length; i++) {
    const takeKept = a >= added.length || (k < kept.length && compareRows(kept[k]!.row, added[a]!.row) <= 0);
    merged[i] = takeKept ? kept[k++]! : added[a++]!;
  }
  return merged;
}

/** Shared by every row without services (most of them); frozen so nobody can add to it by mistake. */
const NO_SERVICES: string[] = Object.freeze([]) as unknown as string[];

/** The services of a row's socket, process facts and source hints, each once. */
function mergeServices(socket: readonly string[] | undefined, facts: readonly string[] | undefined, hint: readonly string[] | undefined): string[] {
  // No rest parameter or loop over the lists: this runs cold for each of 40k rows.
  const present = (socket?.length ? 1 : 0) + (facts?.length ? 1 : 0) + (hint?.length ? 1 : 0);
  if (present === 0) return NO_SERVICES; // most rows: no array for them
  if (present === 1) return [...(socket?.length ? socket : facts?.length ? facts : hint!)];
  return [...new Set([...(socket ?? []), ...(facts ?? []), ...(hint ?? [])])];
}

interface OwnerListFacts {
  named: SocketOwner[];
  /** Each owner's facts and source hints, in the list's order: what its name and the row were made from. */
  facts: (ProcessFacts | undefined)[];
  hints: (Partial<ProcessFacts> | undefined)[];
}

/** What a row was built from: the next poll reuses the row while all of it is the same. */
interface BuiltFrom {
  raw: RawSocket;
  row: SocketRow;
  /** The id before any `#n` suffix. */
  baseId: string;
  /** The counter of rows with `baseId`, shared by them: a reused row numbers itself without a lookup. */
  idCount: IdCount;
  owners: readonly SocketOwner[];
  ownerHidden: string | null;
  ownerFacts: (ProcessFacts | undefined)[];
  ownerHints: (Partial<ProcessFacts> | undefined)[];
  user: string | null;
  /** The last build that handed this row out (tells the dropped rows apart without a lookup). */
  build: number;
}

export interface BuiltRows {
  /** Every row, sorted. */
  rows: SocketRow[];
  /** The rows built this time (not reused): they still need annotating. */
  fresh: SocketRow[];
  /** Rows of the previous build not handed out again (gone, or replaced by a fresh row). */
  dropped: SocketRow[];
  /** This builder's build count: `fresh` and `dropped` are relative to build `build - 1`. */
  build: number;
}

/** How many rows of build `build` had one base id so far (a row's `#n`); RowBuilder keeps them across builds. */
interface IdCount {
  build: number;
  count: number;
}

/** A row's id: the base id for the first row of a tuple in a build, `base#n` for its n-th (n > 1). */
function numberedId(baseId: string, n: number): string {
  return n > 1 ? `${baseId}#${n}` : baseId;
}

/**
 * One build's state for making rows (owner lists named once per list), used by RowBuilder and buildRows
 * alike. A new one for every build: its caches hold that build's facts.
 */
class RowMaker {
  // Collectors may share one owner list between rows (Linux does per process): so do the rows, and the
  // named list and facts are looked up once per list, not once per row.
  private readonly perOwnerList = new Map<readonly SocketOwner[], OwnerListFacts>();

  constructor(private readonly join: RowFacts) {}

  /** The socket's user by its uid, for rows whose process is hidden or gone. */
  uidUser(raw: RawSocket): string | null {
    return raw.uid === null ? null : (this.join.userNames?.get(raw.uid) ?? null);
  }

  ownerList(owners: readonly SocketOwner[]): OwnerListFacts {
    let list = this.perOwnerList.get(owners);
    if (!list) {
      const { facts, hints } = this.join;
      const name = (o: SocketOwner): string | null => facts.get(o.pid)?.name ?? o.processName ?? hints?.get(o.pid)?.name ?? null;
      list = {
        named: owners.map((o) => ({ pid: o.pid, processName: name(o) })),
        facts: owners.map((o) => facts.get(o.pid)),
        hints: owners.map((o) => hints?.get(o.pid)),
      };
      this.perOwnerList.set(owners, list);
    }
    return list;
  }

  row(raw: RawSocket, id: string, pid: number | null, uidUser: string | null, list: OwnerListFacts): SocketRow {
    const owners = list.named;
    const facts = list.facts[0];
    const hint = list.hints[0]; // partial facts the socket source gave (tasklist names and services)
    // One object shape for every row (no spread, no property added later but by annotate's two):
    // V8 then serialises, annotates and diffs them on its fast paths.
    const row: SocketRow = {
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
      services: mergeServices(raw.services, facts?.services, hint?.services),
      uid: raw.uid,
      user: facts?.user ?? hint?.user ?? uidUser,
      processPath: facts?.path ?? raw.processPath ?? hint?.path ?? null,
      processCommand: facts?.command ?? hint?.command ?? null,
      processStarted: facts?.started ?? hint?.started ?? null,
      processStartKey: facts?.startKey ?? null,
      ownerHidden: raw.ownerHidden,
      dualStack: raw.dualStack,
      meaning: null,
      ownerVerdict: null,
    };
    if (raw.socketCreated !== undefined) row.socketCreated = raw.socketCreated;
    return row;
  }
}

export class RowBuilder {
  /** Raw socket -> what its row was built from, updated in place: a poll touches only what changed. */
  private previous = new Map<RawSocket, BuiltFrom>();
  /** The last build's rows in table order: kept rows keep it, so a poll sorts only its fresh rows. */
  private previousInOrder: BuiltFrom[] = [];
  /** Base id -> its rows' counter, for the base ids of the last build (no 40k-entry map made per build). */
  private idCounts = new Map<string, IdCount>();
  private builds = 0;

  build(raws: readonly RawSocket[], join: RowFacts): BuiltRows {
    try {
      return this.buildUpdating(raws, join);
    } catch (error) {
      // The bookkeeping is updated in place: half of it would hide rows from later builds. Start over.
      this.previous = new Map();
      this.previousInOrder = [];
      this.idCounts = new Map();
      throw error;
    }
  }

  /** The counter of `baseId`'s rows, made when the base id is new. */
  private idCount(baseId: string): IdCount {
    let counter = this.idCounts.get(baseId);
    if (!counter) {
      counter = { build: -1, count: 0 };
      this.idCounts.set(baseId, counter);
    }
    return counter;
  }

  private buildUpdating(raws: readonly RawSocket[], join: RowFacts): BuiltRows {
    const build = ++this.builds;
    const fresh: SocketRow[] = [];
    const freshFrom: BuiltFrom[] = [];
    const maker = new RowMaker(join);
    for (const raw of raws) {
      const pid = raw.owners[0]?.pid ?? null;
      const uidUser = maker.uidUser(raw);
      const before = this.previous.get(raw);
      const sameBase = before !== undefined && before.row.pid === pid; // the same socket may change owner
      const baseId = sameBase ? before.baseId : rowId(raw, pid);
      const idCount = sameBase ? before.idCount : this.idCount(baseId);
      if (idCount.build !== build) {
        idCount.build = build; // the first row of this base id in this build
        idCount.count = 0;
      }
      const id = numberedId(baseId, ++idCount.count);
      if (before && before.row.id === id && sameInputs(before, raw, join, uidUser) && !join.rebuild?.(raw)) {
        before.build = build;
        continue;
      }
      const list = maker.ownerList(raw.owners);
      const row = maker.row(raw, id, pid, uidUser, list);
      const from: BuiltFrom = { raw, row, baseId, idCount, owners: raw.owners, ownerHidden: raw.ownerHidden, ownerFacts: list.facts, ownerHints: list.hints, user: uidUser, build };
      this.previous.set(raw, from);
      fresh.push(row);
      freshFrom.push(from);
    }
    // Last build's entries not handed out again are dropped: the socket is gone, or its row was rebuilt.
    const dropped: SocketRow[] = [];
    const kept: BuiltFrom[] = [];
    for (const from of this.previousInOrder) {
      if (from.build === build) kept.push(from);
      else {
        dropped.push(from.row);
        if (this.previous.get(from.raw) === from) this.previous.delete(from.raw);
        // No row of this build has its base id: forget the counter (a row that has it was counted this build).
        if (from.idCount.build !== build && this.idCounts.get(from.baseId) === from.idCount) this.idCounts.delete(from.baseId);
      }
    }
    freshFrom.sort((a, b) => compareRows(a.row, b.row));
    this.previousInOrder = mergeInOrder(kept, freshFrom);
    return { rows: this.previousInOrder.map((f) => f.row), fresh, dropped, build };
  }
}

/** Whether a reused row would come out the same: its owners, each owner's facts and hints (they name it), the notes. */
function sameInputs(before: BuiltFrom, raw: RawSocket, join: RowFacts, user: string | null): boolean {
  if (before.owners !== raw.owners || before.ownerHidden !== raw.ownerHidden || before.user !== user) return false;
  for (let i = 0; i < raw.owners.length; i++) {
    const pid = raw.owners[i]!.pid;
    if (before.ownerFacts[i] !== join.facts.get(pid) || before.ownerHints[i] !== join.hints?.get(pid)) return false;
  }
  return true;
}

/**
 * Rows built once, sorted, with none of the bookkeeping a next build would reuse: imports, and an engine's
 * first collection (often its only one: a CLI command). At 40k rows a cold build took 92–139 ms this way
 * against 110–206 ms through a RowBuilder (docs/performance.md, eighth pass).
 */
export function buildRows(raws: readonly RawSocket[], join: RowFacts): SocketRow[] {
  const maker = new RowMaker(join);
  const seen = new Map<string, number>(); // base id -> its rows so far: a number, no counter object to keep
  const rows = new Array<SocketRow>(raws.length);
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i]!;
    const pid = raw.owners[0]?.pid ?? null;
    const baseId = rowId(raw, pid);
    const n = (seen.get(baseId) ?? 0) + 1;
    seen.set(baseId, n);
    rows[i] = maker.row(raw, numberedId(baseId, n), pid, maker.uidUser(raw), maker.ownerList(raw.owners));
  }
  return rows.sort(compareRows);
}
