/** Catalog meanings for ports via `describe`, cached per port/protocol for the session. */
import { useEffect, useState } from 'react';
import type { PortScopeApi } from '../../../shared/api';
import type { PortDescription } from '../../../shared/catalog/types';

const cache = new Map<string, Promise<PortDescription | string>>();

function describeOne(api: PortScopeApi, port: number, protocol: 'tcp' | 'udp'): Promise<PortDescription | string> {
  const key = `${port}/${protocol}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = api.describe({ ports: [{ port, protocol }] }).then(
      (r) => (r.ok ? (r.value.find((d) => d.protocol === protocol) ?? r.value[0] ?? `Nothing known about ${key}.`) : r.message),
      () => `Could not ask the catalog about ${key}.`,
    );
    cache.set(key, hit);
    // Failures are not cached forever: a later look may succeed.
    void hit.then((v) => typeof v === 'string' && cache.delete(key));
  }
  return hit;
}

/** Descriptions (or an error text) for each port, in order; null while loading. */
export function useDescribe(api: PortScopeApi, ports: readonly { port: number; protocol: 'tcp' | 'udp' }[]): (PortDescription | string)[] | null {
  const key = ports.map((p) => `${p.port}/${p.protocol}`).join(',');
  const [state, setState] = useState<{ key: string; value: (PortDescription | string)[] } | null>(null);
  useEffect(() => {
    let alive = true;
    if (!key) return;
    void Promise.all(ports.map((p) => describeOne(api, p.port, p.protocol))).then((value) => alive && setState({ key, value }));
    return () => {
      alive = false;
    };
    // `key` captures `ports`.
  }, [api, key]);
  if (!key) return [];
  return state?.key === key ? state.value : null;
}
