/**
 * Pull, then push: fetch a snapshot with `list({})`, apply each pushed diff, and re-pull when a diff
 * does not follow our seq (a gap). Also ages highlights on a timer. No React: tested with a fake API.
 */
import type { PortScopeApi, PushEvent } from '../../../shared/api';
import type { SnapshotDiff } from '../../../shared/types';
import type { AppStore } from './app-store';

export interface LiveSyncOptions {
  now?: () => number;
  /** How often highlights are aged (ms, default 1000: each pass re-filters the table); 0 disables the timer (tests call `tick`). */
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
          if (store.getState().applyDiff(diff, now()) === 'gap') pullAgain = true;
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
      if (store.getState().applyDiff(event.diff, now()) === 'gap') void pull();
    } else if (event.type === 'poll-interval') {
      store.getState().refreshMsFromMain(event.ms);
    }
  };

  const unsubscribe = api.subscribe(onEvent);
  const ready = pull();
  // Tell main the interval this user chose last time.
  void api.setPollInterval({ ms: store.getState().refreshMs }).then((r) => {
    if (!r.ok) store.getState().setRefreshError(r.message);
  });
  const timer = options.tickMs === 0 ? null : setInterval(() => store.getState().expire(now()), options.tickMs ?? 1000);

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

/** The store's onRefreshChange: send the user's choice to main and surface failures. */
export function sendRefreshInterval(api: PortScopeApi, getStore: () => AppStore | null): (ms: number) => void {
  return (ms) => {
    void api.setPollInterval({ ms }).then((r) => {
      if (!r.ok) getStore()?.getState().setRefreshError(r.message);
    });
  };
}
