/**
 * Socket inode -> owning pids, kept across polls so a poll where little changed reads no fd links.
 *
 * The index remembers each process's fd table (fd number -> socket inode). Owners are derived from those
 * tables; only sockets nobody is known to hold send it looking, and it stops once they are found:
 * processes it has not seen first (a new server), then the others, fewest fds first. Looking at a process
 * lists its fd names (one readdir) and reads the link only of fds it has not seen, or whose remembered
 * socket is gone from the table.
 * - A full read of every fd link happens on the first poll and then at least every `fullReadEveryMs`:
 *   it corrects what the shortcuts cannot see (a second owner of a known socket after fork, an fd passed
 *   to another process, an fd number reused while its old socket lives on elsewhere). It needs no socket
 *   table, so collectors start it (`prefetch`) while their tool runs. The native reader reads it when
 *   built; else, with many open files, a worker does, and resolve() reads links alongside the worker
 *   rather than only wait for it.
 * - A socket that took the number of a just-closed non-socket fd is found by re-reading non-socket fds
 *   when a search finds nothing else.
 * - Sockets of other users are not searched for unless we are root (their fd tables are unreadable), and
 *   sockets no readable process holds are not searched for again until the next full read.
 */
import * as procFds from './proc-fd-walk';
import type { FdLinks, FdLinkWalk } from './proc-fd-walk';
import { Slicer, yieldToLoop } from '../../lib/time-slices';

/** The /proc readers the index uses (tests give it a made-up process table). */
export interface ProcFdReader {
  listPids(): number[];
  fdNames(pid: number): string[] | null;
  socketInodeAt(fdPath: string): number;
  /** Every link at once, read natively (null: no native reader); the first choice for a full read. */
  startNativeFdLinkWalk?(): FdLinkWalk | null;
  /** Every link at once, read by a worker that resolve() joins; without it the full read goes process by process here. */
  startFdLinkWalkInWorker?(): FdLinkWalk;
  /** Open files on the machine, which says whether a full read is worth a worker (null: unknown). */
  openFilesOnMachine?(): number | null;
}

export interface SocketOwnerIndexOptions {
  fullReadEveryMs?: number;
  /** Our effective uid: who may read which fd tables (null when unknown: search everything). */
  euid?: number | null;
  clock?: () => number;
  proc?: ProcFdReader;
}

export interface OwnerLookup {
  /** inode -> pids holding it, ascending (read-only: lists are shared); may hold sockets not asked about. */
  owners: ReadonlyMap<number, readonly number[]>;
  /** fd links read in this lookup (0 when the tables answered); for benchmarks and tests. */
  linksRead: number;
}

/** fd number -> the socket inode it held at its last read; 0 for anything that is not a socket. */
type FdTable = Map<number, number>;

const FULL_READ_EVERY_MS = 30_000;

/** A worker walk's flat links as one fd table per readable process. */
function tablesOf(links: FdLinks): Map<number, FdTable> {
  const tables = new Map<number, FdTable>();
  for (const pid of links.readable) tables.set(pid, new Map());
  let pid = -1;
  let table: FdTable | undefined;
  for (let i = 0; i < links.pids.length; i++) {
    if (links.pids[i] !== pid) {
      pid = links.pids[i]!;
      table = tables.get(pid)!; // links come in pid order
    }
    table!.set(links.fds[i]!, links.inodes[i]!);
  }
  return tables;
}

/** The table's sockets that `owners` has no owner for (only those also in `among`, when given). */
function withoutOwner(sockets: ReadonlyMap<number, unknown>, owners: ReadonlyMap<number, unknown>, among?: ReadonlySet<number>): Set<number> {
  const ownerless = new Set<number>();
  if (among?.size === 0) return ownerless; // nothing was ownerless (e.g. the first full read): no pass
  for (const inode of sockets.keys()) if (!owners.has(inode) && (!among || among.has(inode))) ownerless.add(inode);
  return ownerless;
}

export class SocketOwnerIndex {
  private tables = new Map<number, FdTable>();
  /** inode -> pids from `tables`, until they change: a poll where no fd changed reuses it whole. */
  private ownersFromTables: Map<number, readonly number[]> | null = null;
  /** Inodes in the last table that no readable process held. */
  private ownerless = new Set<number>();
  private lastFullRead = -Infinity;
  private fullRead: Promise<void> | null = null;
  /** The running full read's worker walk, which resolve() joins rather than only wait for it. */
  private fullReadWalk: FdLinkWalk | null = null;
  /** A full read finished that no resolve() has used yet. */
  private freshFullRead = false;
  private linksRead = 0;

  private readonly fullReadEveryMs: number;
  private readonly euid: number | null;
  private readonly clock: () => number;
  private readonly proc: ProcFdReader;

  constructor(options: SocketOwnerIndexOptions = {}) {
    this.fullReadEveryMs = options.fullReadEveryMs ?? FULL_READ_EVERY_MS;
    this.euid = options.euid !== undefined ? options.euid : typeof process.geteuid === 'function' ? process.geteuid() : null;
    this.clock = options.clock ?? (() => performance.now());
    this.proc = options.proc ?? procFds;
  }

  /** Start the full read now when one is due (resolve() joins it, then waits for it); a no-op otherwise. */
  prefetch(): void {
    if (this.fullRead || this.clock() - this.lastFullRead < this.fullReadEveryMs) return;
    this.fullRead = this.readEverything().finally(() => {
      this.fullRead = null;
      this.fullReadWalk = null;
    });
    this.fullRead.catch(() => undefined); // resolve() reports a failure; never an unhandled rejection
  }

  /** Owners of the table's sockets, given as inode -> the socket's uid (null when unknown). */
  async resolve(sockets: ReadonlyMap<number, number | null>): Promise<OwnerLookup> {
    this.prefetch();
    if (this.fullRead) {
      await this.fullReadWalk?.help(); // this thread would only wait for the worker: it reads links too
      await this.fullRead;
    }
    const readAll = this.freshFullRead;
    this.freshFullRead = false;
    if (!readAll) this.linksRead = 0; // a full read counts its own from its start
    const alive = this.proc.listPids();
    const aliveSet = new Set(alive);
    for (const pid of this.tables.keys()) if (!aliveSet.has(pid)) this.forget(pid);
    let owners = this.owners();
    // Just read everything: what is left without owner is ownerless, or was born while the read ran
    // (it is looked for on the next call, not now: the same moment-in-time race `ss -p` has). Sockets
    // that were ownerless before the read and still are stay so: no search re-reads every fd for them.
    if (readAll) {
      this.ownerless = withoutOwner(sockets, owners, this.ownerless);
      return { owners, linksRead: this.linksRead };
    }
    const missing = new Set<number>();
    for (const [inode, uid] of sockets) {
      if (!owners.has(inode) && !this.ownerless.has(inode) && this.mayFind(uid)) missing.add(inode);
    }
    if (missing.size > 0) {
      await this.search(missing, sockets, alive);
      owners = this.owners();
    }
    this.ownerless = withoutOwner(sockets, owners);
    return { owners, linksRead: this.linksRead };
  }

  /** Root reads every fd table; anyone else only their own processes'. */
  private mayFind(uid: number | null): boolean {
    return this.euid === 0 || this.euid === null || uid === null || uid === this.euid;
  }

  private walkNeedsWorker(): boolean {
    return procFds.walkWorthAWorker(this.proc.openFilesOnMachine?.() ?? null);
  }

  private async readEverything(): Promise<void> {
    this.linksRead = 0;
    this.fullReadWalk =
      this.proc.startNativeFdLinkWalk?.() ??
      (this.proc.startFdLinkWalkInWorker && this.walkNeedsWorker() ? this.proc.startFdLinkWalkInWorker() : null);
    const links = this.fullReadWalk ? await this.fullReadWalk.links : null;
    let tables: Map<number, FdTable>;
    if (links) {
      tables = tablesOf(links);
      this.linksRead = links.pids.length;
    } else {
      tables = new Map();
      const slicer = new Slicer();
      for (const pid of this.proc.listPids()) {
        const table = await this.readTable(pid, slicer);
        if (table) tables.set(pid, table);
      }
    }
    this.tables = tables;
    this.ownersFromTables = null;
    this.lastFullRead = this.clock();
    this.freshFullRead = true;
  }

  /**
   * One process's fd table: links of fds in `reuse.previous` are kept while their socket is still in
   * `reuse.sockets` (no `reuse`: every link is read). Each socket found in `missing` is taken out of it.
   * Null when unreadable.
   */
  private async readTable(
    pid: number,
    slicer: Slicer,
    reuse?: { previous: FdTable | undefined; sockets: ReadonlyMap<number, number | null> },
    missing?: Set<number>,
  ): Promise<FdTable | null> {
    const names = this.proc.fdNames(pid);
    if (names === null) return null;
    const table: FdTable = new Map();
    const dir = `/proc/${pid}/fd/`;
    for (const name of names) {
      const fd = Number(name);
      const known = reuse?.previous?.get(fd);
      if (known !== undefined && (known === 0 || reuse!.sockets.has(known))) {
        table.set(fd, known);
        continue;
      }
      const inode = this.proc.socketInodeAt(dir + name);
      this.linksRead++;
      table.set(fd, inode);
      if (inode !== 0) missing?.delete(inode);
      if (slicer.due()) await yieldToLoop();
    }
    return table;
  }

  /** Look for the owners of `missing`: unseen processes first, then the rest, fewest fds first. */
  private async search(missing: Set<number>, sockets: ReadonlyMap<number, number | null>, alive: readonly number[]): Promise<void> {
    const slicer = new Slicer();
    const order = [...alive].sort((a, b) => (this.tables.get(a)?.size ?? -1) - (this.tables.get(b)?.size ?? -1));
    for (const pid of order) {
      if (missing.size === 0) return;
      const table = await this.readTable(pid, slicer, { previous: this.tables.get(pid), sockets }, missing);
      if (table) this.remember(pid, table);
      else this.forget(pid);
    }
    // Not found in any new fd: a socket may have taken the number of a closed non-socket fd.
    for (const [pid, table] of this.tables) {
      if (missing.size === 0) return;
      for (const [fd, known] of table) {
        if (known !== 0) continue;
        const inode = this.proc.socketInodeAt(`/proc/${pid}/fd/${fd}`);
        this.linksRead++;
        if (inode === 0) continue;
        table.set(fd, inode);
        this.ownersFromTables = null;
        missing.delete(inode);
      }
      if (slicer.due()) await yieldToLoop();
    }
  }

  private remember(pid: number, table: FdTable): void {
    this.tables.set(pid, table);
    this.ownersFromTables = null;
  }

  private forget(pid: number): void {
    this.tables.delete(pid);
    this.ownersFromTables = null;
  }

  /** inode -> pids, ascending, from the remembered tables. A socket's only owner comes as that pid's one shared list (no array per socket). */
  private owners(): ReadonlyMap<number, readonly number[]> {
    if (this.ownersFromTables) return this.ownersFromTables;
    const owners = new Map<number, readonly number[]>();
    const pids = [...this.tables.keys()].sort((a, b) => a - b);
    for (const pid of pids) {
      const alone: readonly number[] = [pid];
      for (const inode of this.tables.get(pid)!.values()) {
        if (inode === 0) continue;
        const list = owners.get(inode);
        if (!list) owners.set(inode, alone);
        else if (list[list.length - 1] !== pid) owners.set(inode, [...list, pid]); // shared lists are never changed
      }
    }
    this.ownersFromTables = owners;
    return owners;
  }
}
