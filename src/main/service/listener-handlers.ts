/**
 * The listener area's API: listenStart/listenStop/listeners/probe/localAddresses. Every change to a
 * listener (start, new peer, bytes, stop) is pushed as `{type:'listener', listener}`; dispose() closes
 * every listener (called when the app quits).
 */
import type { Handlers, Emit } from './handlers';
import type { Engine } from '../engine/engine';
import { ok, err } from '../../shared/result';
import { createListenerManager } from '../listener/listener-manager';
import { readUnprivilegedPortStart, type BindFactSources } from '../listener/bind-facts';
import type { ExcludedPortRange } from '../catalog/parse-port-ranges';
import { readExcludedPortRanges } from '../catalog/read-port-ranges';
import { localAddresses } from '../listener/local-addresses';
import { probe } from '../listener/probe';
import { createWindowsFirewallRules } from '../listener/firewall-rule';

type ListenerHandlers = Pick<Handlers, 'listenStart' | 'listenStop' | 'listeners' | 'probe' | 'localAddresses'>;

export interface ListenerHandlerContext {
  engine: Engine;
  emit: Emit;
  /** Windows excluded port ranges (the catalog reads them); [] when absent or not Windows. */
  excludedRanges?: (protocol: 'tcp' | 'udp') => Promise<ExcludedPortRange[]>;
  platform?: string;
}

export function createListenerHandlers(ctx: ListenerHandlerContext): {
  handlers: ListenerHandlers;
  dispose(): Promise<void>;
} {
  const platform = ctx.platform ?? process.platform;
  const facts: BindFactSources = {
    platform,
    rows: async (port, protocol) =>
      (await ctx.engine.snapshot()).rows.filter((r) => r.localPort === port && r.protocol === protocol),
    excludedRanges:
      ctx.excludedRanges ??
      (async (protocol) => {
        if (platform !== 'win32') return [];
        const ranges = await readExcludedPortRanges(protocol);
        return ranges.ok ? ranges.value : [];
      }),
    unprivilegedPortStart: () => readUnprivilegedPortStart(platform),
    localAddresses: () => localAddresses().map((a) => a.address),
  };
  const manager = createListenerManager({
    onChange: (listener) => ctx.emit({ type: 'listener', listener }),
    facts,
    localAddresses,
    firewall: platform === 'win32' ? createWindowsFirewallRules() : undefined,
  });

  return {
    handlers: {
      listenStart: (request) => manager.start(request),
      listenStop: async ({ id, all }) => {
        if (all) return ok(await manager.stopAll());
        if (id === undefined) return err('BAD_INPUT', 'Give the id of the listener to stop, or all: true.');
        const stopped = await manager.stop(id);
        return stopped ? ok([stopped]) : err('NOT_FOUND', `No listener with id "${id}": list them with the listeners method.`);
      },
      listeners: async () => ok(manager.list()),
      probe: async (request) => ok(await probe(request)),
      localAddresses: async () => ok(localAddresses()),
    },
    dispose: () => manager.dispose(),
  };
}
