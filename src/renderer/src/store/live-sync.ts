/**
 * Pull, then push: fetch a snapshot with `list({})`, apply each pushed diff, and re-pull when a diff
 * does not follow our seq (a gap). Also ages highlights on a timer. No React: tested with a fake API.
 */
import type { PortScopeApi, PushEvent } from '../../../shared/api';
import type { SnapshotDiff } from '../../../shared/types';
import { err } from '../../../shared/result';
import type { AppStore } from './app-store';

export interface LiveSyncOptions {
  now?: () => number;
  /** How the interval goes to main; one is made for `store` when absent (main.tsx shares its own). */
  refresh?: RefreshSender;
  /**
   * How often highlights are aged (ms, default 1000: each pass re-filters the table); 0 disables the timer
   * (tests call `tick`). A tick is skipped when a diff came since the last one: applying it aged them.
   */
  tickMs?: number;
}

export interface LiveSync {
  /** Resolves after the first snapshot (or its error) is in the store. */
  ready: Promise<void>;
  /** Re-pull now (F5 / after a gap). */
  reload(): Promise<void>;
  tick(): void;
  stop(): void;
}

export function startLiveSync(api: PortScopeApi, store: AppStore, options: LiveSyncOptions = {}): LiveSync {
  const now = options.now ?? (() => Date.now());
  let pulling: Promise<void> | null = null;
  let pullAgain = false;
  let stopped = false;
  const queued: SnapshotDiff[] = [];
  // Applying a diff ages highlights too: while diffs come, a timer pass would only rebuild the table a
  // second time (at 40k rows the page's longest task); highlights then end up to one poll late.
  let agedByDiff = false;
  const applyDiff = (diff: SnapshotDiff): 'applied' | 'gap' | 'stale' => {
    const outcome = store.getState().applyDiff(diff, now());
    if (outcome === 'applied') agedByDiff = true;
    return outcome;
  };

  const pull = (): Promise<void> => {
    if (pulling) {
      pullAgain = true;
      return pulling;
    }
    pulling = (async () => {
      do {
        pullAgain = false;
        const result = await api.list({});
        if (stopped) return;
        if (result.ok) store.getState().applySnapshot(result.value, now());
        else store.getState().setLoadError(result.message);
        // Replay diffs that arrived meanwhile: older ones are covered by the snapshot, a later gap re-pulls.
        for (const diff of queued.splice(0)) {
          if (diff.seq <= (store.getState().seq ?? -1)) continue;
          if (applyDiff(diff) === 'gap') pullAgain = true;
        }
      } while (pullAgain && !stopped);
    })()
      .catch((e: unknown) => store.getState().setLoadError(e instanceof Error ? e.message : String(e)))
      .finally(() => {
        pulling = null;
      });
    return pulling;
  };

  const onEvent = (event: PushEvent): void => {
    if (stopped) return;
    if (event.type === 'diff') {
      if (pulling) {
        queued.push(event.diff);
        return;
      }
      if (applyDiff(event.diff) === 'gap') void pull();
    } else if (event.type === 'poll-interval') {
      store.getState().refreshMsFromMain(event.ms);
    }
  };

  const unsubscribe = api.subscribe(onEvent);
  const ready = pull();
  // Tell main the interval this user chose last time (through the same queue as every later choice).
  (options.refresh ?? createRefreshSender(api, () => store)).send(store.getState().refreshMs);
  const tickMs = options.tickMs ?? 1000;
  const timer =
    tickMs === 0
      ? null
      : setInterval(() => {
          if (!agedByDiff) store.getState().expire(now());
          agedByDiff = false;
        }, tickMs);

  return {
    ready,
    reload: pull,
    tick: () => store.getState().expire(now()),
    stop() {
      stopped = true;
      unsubscribe();
      if (timer) clearInterval(timer);
    },
  };
}

export interface RefreshSender {
  /** Send this interval to main (after any call still in flight); a newer send replaces a queued one. */
  send(ms: number): void;
  /** Resolves when nothing is in flight or queued (tests). */
  idle(): Promise<void>;
}

/**
 * setPollInterval calls go one after another, never overlapping, so main applies them in the user's
 * order. Only the answer to the latest call is applied (its `ms` is what main now uses); a choice made
 * while a call is in flight waits and replaces any older waiting one. The store is told what is pending,
 * so `poll-interval` echoes of older values are ignored meanwhile.
 */
export function createRefreshSender(api: PortScopeApi, getStore: () => AppStore | null): RefreshSender {
  let queued: number | null = null;
  let running: Promise<void> | null = null;

  const pump = async (): Promise<void> => {
    while (queued !== null) {
      const ms = queued;
      queued = null; // send() already told the store it is pending
      const r = await api.setPollInterval({ ms }).catch((e: unknown) => err('FAILED', `Could not set the refresh interval: ${e instanceof Error ? e.message : String(e)}`));
      if (queued !== null) continue; // a newer choice waits: this answer is already stale
      const state = getStore()?.getState();
      if (r.ok) state?.refreshApplied(r.value.ms);
      else state?.refreshFailed(r.message);
    }
  };
  const start = (): void => {
    running = pump().finally(() => {
      running = null;
      if (queued !== null) start();
    });
  };

  return {
    send(ms) {
      queued = ms;
      getStore()?.getState().refreshSent(ms);
      if (!running) start();
    },
    idle: async () => {
      while (running) await running;
    },
  };
}
