/**
 * resolveHosts: reverse DNS for the "Remote host" column. Only the renderer asks, for the rows in view,
 * and only while the user has the toggle on: the poller never resolves (a slow resolver must not slow a
 * refresh). Every answer is cached per address with a TTL — failures and timeouts too, for a shorter
 * time — each lookup is cut off after a short timeout, and at most a few run at once.
 */
import { Resolver } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { Handlers } from './handlers';
import { ok } from '../../shared/result';

type DnsHandlers = Pick<Handlers, 'resolveHosts'>;

/** Reverse lookup of one address: the names for it, best first (node:dns/promises `reverse`). */
export type ReverseResolver = (address: string) => Promise<string[]>;

export interface DnsOptions {
  /** Tests inject a resolver; by default a node:dns Resolver (PTR queries to the system's DNS servers) with one try. */
  reverse?: ReverseResolver;
  /** How long a name is kept (default 10 min). */
  ttlMs?: number;
  /** How long "no name" (NXDOMAIN, error, timeout) is kept (default 2 min). */
  failureTtlMs?: number;
  /** Per lookup (default 1500 ms); a slower answer counts as no name. */
  timeoutMs?: number;
  /** Lookups running at once (default 8). */
  concurrency?: number;
  /** Cached addresses at most (default 10 000); the oldest go first. */
  maxEntries?: number;
  now?: () => number;
}

const DNS_DEFAULTS = { ttlMs: 10 * 60_000, failureTtlMs: 2 * 60_000, timeoutMs: 1500, concurrency: 8, maxEntries: 10_000 } as const;

interface CacheEntry {
  host: string | null;
  expires: number;
}

/** The unspecified addresses have no name worth a query. */
const UNSPECIFIED = new Set(['0.0.0.0', '::', '::0', '0:0:0:0:0:0:0:0']);

/** The system resolver, made on the first lookup: every service starts, few ever resolve names. */
function defaultReverse(timeoutMs: number): ReverseResolver {
  let resolver: Resolver | null = null;
  return (address) => (resolver ??= new Resolver({ timeout: timeoutMs, tries: 1 })).reverse(address);
}

/** A counting semaphore: `run` waits for a free slot. */
function limiter(slots: number): <T>(task: () => Promise<T>) => Promise<T> {
  let free = Math.max(1, slots);
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (free > 0) free--;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free++;
    }
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function createDnsHandlers(options: DnsOptions = {}): DnsHandlers {
  const ttlMs = options.ttlMs ?? DNS_DEFAULTS.ttlMs;
  const failureTtlMs = options.failureTtlMs ?? DNS_DEFAULTS.failureTtlMs;
  const timeoutMs = options.timeoutMs ?? DNS_DEFAULTS.timeoutMs;
  const maxEntries = options.maxEntries ?? DNS_DEFAULTS.maxEntries;
  const now = options.now ?? Date.now;
  const reverse = options.reverse ?? defaultReverse(timeoutMs);
  const limit = limiter(options.concurrency ?? DNS_DEFAULTS.concurrency);
  const cache = new Map<string, CacheEntry>();
  /** Lookups in flight, shared by concurrent calls for the same address. */
  const inFlight = new Map<string, Promise<string | null>>();

  const remember = (address: string, host: string | null): void => {
    cache.delete(address); // re-insert: Map order is the eviction order
    cache.set(address, { host, expires: now() + (host === null ? failureTtlMs : ttlMs) });
    while (cache.size > maxEntries) {
      const oldest = cache.keys().next();
      if (oldest.done) break;
      cache.delete(oldest.value);
    }
  };

  const lookup = (address: string): Promise<string | null> => {
    const running = inFlight.get(address);
    if (running) return running;
    const task = limit(async () => {
      const answer = await withTimeout(
        reverse(address).catch((): string[] => []),
        timeoutMs,
      );
      const host = answer === 'timeout' ? null : (answer.find((name) => name.length > 0) ?? null);
      remember(address, host);
      return host;
    }).finally(() => inFlight.delete(address));
    inFlight.set(address, task);
    return task;
  };

  const resolveOne = (address: string): Promise<string | null> | string | null => {
    if (UNSPECIFIED.has(address) || isIP(address) === 0) return null;
    const hit = cache.get(address);
    if (hit && hit.expires > now()) return hit.host;
    if (hit) cache.delete(address);
    return lookup(address);
  };

  return {
    async resolveHosts({ addresses }) {
      const unique = [...new Set(addresses)];
      const answers = await Promise.all(unique.map(resolveOne));
      const hosts: Record<string, string | null> = {};
      unique.forEach((address, i) => {
        hosts[address] = answers[i];
      });
      return ok({ hosts });
    },
  };
}
