/**
 * Reverse DNS for the Remote host column, from the renderer's side: ask main (api.resolveHosts) only for
 * the remote addresses of the rows in view that have no answer yet, debounced, at most one batch in
 * flight. No React: the hook in use-reverse-dns.ts feeds it; unit-tested with fake timers.
 */
import type { Result } from '../../../shared/result';
import type { SocketRow } from '../../../shared/types';

/** The schema's limit per call. */
export const MAX_RESOLVE_BATCH = 500;

const UNSPECIFIED = new Set(['0.0.0.0', '::', '*']);

/** The distinct remote addresses of `rows` that `known` has no answer for (in row order). */
export function addressesToResolve(rows: readonly { row: Pick<SocketRow, 'remoteAddress'> }[], known: Readonly<Record<string, string | null>>): string[] {
  const out = new Set<string>();
  for (const { row } of rows) {
    const a = row.remoteAddress;
    if (a !== null && a !== '' && !UNSPECIFIED.has(a) && !Object.hasOwn(known, a)) out.add(a);
  }
  return [...out];
}

export interface HostNameQueueOptions {
  resolve(addresses: string[]): Promise<Result<{ hosts: Record<string, string | null> }>>;
  /** Answers (every asked address gets one: null when main had no name or the call failed). */
  onHosts(hosts: Record<string, string | null>): void;
  /** A failed call (shown once by the caller); its addresses are answered null so they are not re-asked. */
  onError?(message: string): void;
  /** Quiet time before asking (default 300 ms): scrolling asks once it stops. */
  debounceMs?: number;
  /** Ask at the latest this long after the first unanswered want (default 1000 ms). */
  maxWaitMs?: number;
}

export interface HostNameQueue {
  /** The addresses wanted now (the rows in view, minus known ones); replaces the previous wish. */
  want(addresses: readonly string[]): void;
  /** Forget everything wanted and ignore answers still in flight (toggle off). */
  reset(): void;
  dispose(): void;
}

export function createHostNameQueue(options: HostNameQueueOptions): HostNameQueue {
  const debounceMs = options.debounceMs ?? 300;
  const maxWaitMs = options.maxWaitMs ?? 1000;
  let wanted: string[] = [];
  const asked = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstWantAt: number | null = null;
  let busy = false;
  let generation = 0;

  const clearTimer = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
  };

  const schedule = (): void => {
    if (wanted.length === 0 || busy) return;
    const now = Date.now();
    firstWantAt ??= now;
    clearTimer();
    timer = setTimeout(() => void flush(), Math.max(0, Math.min(debounceMs, firstWantAt + maxWaitMs - now)));
  };

  const flush = async (): Promise<void> => {
    timer = null;
    firstWantAt = null;
    const batch = wanted.filter((a) => !asked.has(a)).slice(0, MAX_RESOLVE_BATCH);
    wanted = wanted.filter((a) => !batch.includes(a));
    if (batch.length === 0) return;
    const gen = generation;
    busy = true;
    for (const a of batch) asked.add(a);
    const result = await options.resolve(batch).catch((e: unknown): Result<{ hosts: Record<string, string | null> }> => ({
      ok: false,
      code: 'FAILED',
      message: e instanceof Error ? e.message : String(e),
    }));
    busy = false;
    if (gen !== generation) return schedule();
    for (const a of batch) asked.delete(a);
    const hosts: Record<string, string | null> = {};
    for (const a of batch) hosts[a] = result.ok ? (result.value.hosts[a] ?? null) : null;
    if (!result.ok) options.onError?.(result.message);
    options.onHosts(hosts);
    schedule();
  };

  function reset(): void {
    generation++;
    wanted = [];
    asked.clear();
    clearTimer();
    firstWantAt = null;
  }

  return {
    want(addresses) {
      wanted = addresses.filter((a) => !asked.has(a));
      if (wanted.length === 0) {
        clearTimer();
        firstWantAt = null;
        return;
      }
      schedule();
    },
    reset,
    dispose: reset,
  };
}
