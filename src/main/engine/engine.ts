/**
 * The engine: collects socket tables through the platform's collector chain, joins process facts,
 * and polls, emitting diffs. The poller never overlaps itself (one collection in flight, shared by every
 * caller) and stretches its delay to twice the last collection's cost when collecting is slow, so a
 * 40k-socket machine is not kept busy by its own monitor.
 */
import type { Emit } from '../service/handlers';
import type { ProcessFacts, RawSocket, Snapshot, SnapshotDiff, SocketRow } from '../../shared/types';
import type { Collector } from '../collectors/types';
import type { ProcessFactsProvider } from '../process/types';
import { collectorChain } from '../collectors/platform-table';
import { processProviderFor } from '../process/provider-table';
import { ProcessFactsCache } from '../process/process-facts-cache';
import { CollectorChain, type ChainResult } from './collector-chain';
import { buildRows, RowBuilder, type BuiltRows } from './build-rows';
import { diffBuiltRows, diffRows, indexRows, splitDiff, type RowsDiff } from './diff-rows';

export interface EngineOptions {
  intervalMs: number;
  emit: Emit;
  /** Defaults to the platform table's chain. */
  collectors?: readonly Collector[];
  /** Defaults to the platform's process-facts provider. */
  processProvider?: ProcessFactsProvider;
  /** Adds catalog meanings and owner verdicts to rows (the catalog's). */
  annotate?: RowAnnotator;
}

/**
 * Annotates rows in place. A row reused from the last poll keeps its annotation while `contextKey` stays
 * the same and none of the table keys it reads came or went.
 */
export interface RowAnnotator {
  /** What the annotations depend on besides the table (platform, ephemeral range). */
  contextKey(): string;
  /** What of the whole table annotations read, as keys (the catalog's: which ports something listens on). */
  tableKeys(raws: readonly RawSocket[]): ReadonlySet<number>;
  /** Whether `raw`'s annotation reads any of `keys`. */
  reads(raw: RawSocket, keys: ReadonlySet<number>): boolean;
  /** Annotate `rows`, part of `table` (the whole sorted table: who listens decides a connection's service end), whose keys are `tableKeys`. */
  annotate(rows: SocketRow[], table: readonly SocketRow[], tableKeys: ReadonlySet<number>): void;
}

export interface Engine {
  /** Collect now (does not disturb the poller's sequence). */
  snapshot(): Promise<Snapshot>;
  /**
   * The poller's latest snapshot; starts polling on first call when not running (then answering with the
   * last snapshot while the poller would not have replaced it yet, else collecting).
   */
  current(): Promise<Snapshot>;
  /**
   * Start the first poll now, for a window or page that is loading and will ask for the table: its
   * current() then finds the poll done or under way (at 40k sockets a cold one is ~0.4 s). Does nothing
   * once there is a table or a poll; a failure is left for current() to meet and report.
   */
  collectAhead(): void;
  /** The last polled snapshot without collecting (null before the first poll). */
  latest(): Snapshot | null;
  /** 0 pauses. */
  setInterval(ms: number): void;
  intervalMs(): number;
  stop(): void;
  processFacts(pid: number): Promise<ProcessFacts | null>;
}

/** The poller waits at least this many times the last collection's cost between collections. */
const COST_STRETCH = 2;

/**
 * A poll's diff with more rows than this goes out in parts (`more` on all but the last; one seq per poll):
 * a client applies and shows each in its own task. 22k rows in one diff (a burst of connections closed
 * into TIME_WAIT) were one 8.5 MB message and two page tasks of 130–190 ms.
 */
export const DIFF_PART_ROWS = 2_000;

export function nextPollDelay(intervalMs: number, lastCostMs: number): number {
  return Math.max(intervalMs, Math.ceil(COST_STRETCH * lastCostMs));
}

function symmetricDifference<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): Set<T> {
  const either = new Set<T>();
  for (const x of a) if (!b.has(x)) either.add(x);
  for (const x of b) if (!a.has(x)) either.add(x);
  return either;
}

export function createEngine(options: EngineOptions): Engine {
  let interval = options.intervalMs;
  const chain = new CollectorChain(options.collectors ?? collectorChain());
  const provider = options.processProvider ?? processProviderFor();
  const cache = new ProcessFactsCache(provider);
  let rowBuilder = new RowBuilder();
  let annotatedWith: string | null = null;
  /** The annotator's table keys at the last build: a reused row reading one that came or went is rebuilt. */
  let tableKeysBefore: ReadonlySet<number> = new Set();

  let latest: Snapshot | null = null;
  /** When `latest` was taken (Date.now()). */
  let latestAt = -Infinity;
  /** `latest`'s rows by id, built when the next poll diffs against them (a one-shot CLI never needs it), then kept up to date. */
  let latestById: Map<string, SocketRow> | null = null;
  let seq = 0;
  let inflight: Promise<Snapshot> | null = null;
  let timer: NodeJS.Timeout | null = null;
  /** Someone asked for live data (current()); the timer runs while this holds and interval > 0. */
  let live = false;
  /** A current() waits for a poll because `latest` was missing or too old: other callers wait for it too. */
  let renewing = false;

  async function userNamesFor(uids: ReadonlySet<number>): Promise<Map<number, string>> {
    const names = new Map<number, string>();
    if (!provider.userName) return names;
    for (const uid of uids) {
      const name = await provider.userName(uid);
      if (name) names.set(uid, name);
    }
    return names;
  }

  /** One collection at a time (a snapshot() during a poll waits): collectors keep state between calls. */
  let collecting: Promise<unknown> = Promise.resolve();
  function collectInTurn(): Promise<ChainResult> {
    const run = collecting.then(() => chain.collect());
    collecting = run.catch(() => undefined);
    return run;
  }

  interface Collected {
    snap: Snapshot;
    /** What the remembering builder reported, for the next diff; null for the first collection (built once). */
    report: { builder: RowBuilder; built: BuiltRows } | null;
  }

  /** Whether a collection was built before: the first is built once (see collectSnapshot). */
  let builtBefore = false;

  async function collectSnapshot(seqOfSnapshot: number): Promise<Collected> {
    const started = performance.now();
    const { collection, source } = await collectInTurn();
    const pids = new Set<number>();
    const uids = new Set<number>(); // few distinct ones
    // One indexed loop over every row: a loop a one-shot command runs once runs cold, where for-of's
    // iterator calls made such a loop ~3× slower at 40k rows (docs/performance.md, thirteenth pass).
    const raws = collection.rows;
    for (let i = 0; i < raws.length; i++) {
      const raw = raws[i]!;
      for (let j = 0; j < raw.owners.length; j++) pids.add(raw.owners[j]!.pid);
      if (raw.uid !== null) uids.add(raw.uid);
    }
    const [facts, userNames] = await Promise.all([cache.refresh(pids), userNamesFor(uids)]);
    let rebuild: ((raw: RawSocket) => boolean) | undefined;
    let tableKeys: ReadonlySet<number> = tableKeysBefore;
    const annotator = options.annotate;
    if (annotator) {
      const key = annotator.contextKey();
      if (key !== annotatedWith) rowBuilder = new RowBuilder(); // new context: no row keeps an old annotation
      annotatedWith = key;
      tableKeys = annotator.tableKeys(collection.rows);
      const cameOrWent = symmetricDifference(tableKeysBefore, tableKeys);
      tableKeysBefore = tableKeys;
      if (cameOrWent.size > 0) rebuild = (raw) => annotator.reads(raw, cameOrWent);
    }
    const join = { facts, hints: collection.processHints, userNames, rebuild };
    // The first collection has nothing to reuse and is often the only one (a CLI command): its rows are
    // built once, without the bookkeeping a next build would reuse. From the second on, the row builder
    // remembers each build for the next one to reuse.
    const report = builtBefore ? { builder: rowBuilder, built: rowBuilder.build(collection.rows, join) } : null;
    const rows = report ? report.built.rows : buildRows(collection.rows, join);
    builtBefore = true;
    try {
      annotator?.annotate(report ? report.built.fresh : rows, rows, tableKeys);
    } catch (error) {
      rowBuilder = new RowBuilder(); // it remembers this build's rows, which were never annotated: none may be reused
      throw error;
    }
    const snap: Snapshot = {
      seq: seqOfSnapshot,
      takenAt: new Date().toISOString(),
      costMs: Math.round((performance.now() - started) * 10) / 10,
      source,
      rows,
      unparsedLines: collection.unparsedLines,
      ownersHidden: collection.ownersHidden,
      platform: process.platform,
    };
    return { snap, report };
  }

  /** The latest poll's build: the next poll diffs from the builder's report when it is that builder's next build. */
  let latestBuild: { builder: RowBuilder; build: number } | null = null;

  /** Added, changed, removed since `latest`: from the builder's fresh and dropped rows when its last build was `latest`'s, else by id. */
  function diffSinceLatest(previous: Snapshot, { snap, report }: Collected): RowsDiff {
    const follows = report !== null && latestBuild?.builder === report.builder && latestBuild.build === report.built.build - 1;
    if (follows && latestById) return diffBuiltRows(latestById, report.built.fresh, report.built.dropped); // updates latestById
    const before = latestById ?? indexRows(previous.rows); // latestById, when kept, indexes `previous`
    latestById = indexRows(snap.rows);
    return diffRows(before, latestById);
  }

  /** One poll: collect, number it, emit the diff against the previous poll. Shared while in flight. */
  function poll(): Promise<Snapshot> {
    inflight ??= (async () => {
      try {
        const collected = await collectSnapshot(seq + 1);
        const snap = collected.snap;
        const previous = latest;
        const parts = previous ? splitDiff(diffSinceLatest(previous, collected), DIFF_PART_ROWS) : [];
        // The new table is the latest before anyone hears of it (latestById already indexes it).
        seq = snap.seq;
        latest = snap;
        latestAt = Date.now();
        latestBuild = collected.report && { builder: collected.report.builder, build: collected.report.built.build };
        parts.forEach((part, i) => {
          const diff: SnapshotDiff = { seq: snap.seq, fromSeq: previous!.seq, takenAt: snap.takenAt, costMs: snap.costMs, ownersHidden: snap.ownersHidden, ...part };
          if (i < parts.length - 1) diff.more = true;
          options.emit({ type: 'diff', diff });
        });
        return snap;
      } finally {
        inflight = null;
      }
    })();
    return inflight;
  }

  function clearTimer(): void {
    if (timer) clearTimeout(timer);
    timer = null;
  }

  function schedule(delay: number): void {
    clearTimer();
    if (!live || interval <= 0) return;
    timer = setTimeout(() => {
      timer = null;
      poll().then(
        (snap) => schedule(nextPollDelay(interval, snap.costMs)),
        () => schedule(interval), // keep the last good snapshot; try again later
      );
    }, delay);
    timer.unref?.(); // never keeps a CLI or test process alive
  }

  return {
    snapshot: async () => (await collectSnapshot(seq)).snap,
    async current() {
      const wasLive = live;
      live = true;
      // Live: the latest poll answers at once, also while the next one runs (its diff follows as a push);
      // but not while a caller below waits for a poll to replace a latest too old to answer with (one
      // collected ahead before a slow browser came).
      if (wasLive && latest && (timer || inflight) && !renewing) return latest;
      // Polling had stopped (a page reload drops the web face's last client for a moment): a snapshot the
      // poller would not have replaced yet is as fresh as a live answer, and a fresh one costs a poll
      // (~300 ms at 40k sockets). Answer it and go on polling on schedule.
      // Date.now(), not performance.now(): the latter stands still while the machine sleeps. An age below 0
      // (the clock was set back) is not trusted.
      if (latest && !inflight && interval > 0) {
        const delay = nextPollDelay(interval, latest.costMs);
        const age = Date.now() - latestAt;
        if (age >= 0 && age < delay) {
          if (!timer) schedule(delay - age);
          return latest;
        }
      }
      renewing = true;
      const snap = await poll().finally(() => (renewing = false));
      if (!timer) schedule(nextPollDelay(interval, snap.costMs));
      return snap;
    },
    collectAhead() {
      if (!latest && !inflight) poll().catch(() => undefined);
    },
    latest: () => latest,
    setInterval(ms) {
      interval = ms;
      options.emit({ type: 'poll-interval', ms });
      if (ms <= 0) clearTimer();
      else if (live) schedule(ms);
    },
    intervalMs: () => interval,
    stop() {
      live = false;
      clearTimer();
    },
    processFacts: (pid) => cache.one(pid),
  };
}
