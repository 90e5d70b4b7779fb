/** This machine's addresses, for the bind-address choice and the client commands. */
import os from 'node:os';
import type { LocalAddress } from '../../shared/listener';

export function localAddresses(): LocalAddress[] {
  const result: LocalAddress[] = [];
  for (const [name, entries] of Object.entries(os.networkInterfaces())) {
    for (const entry of entries ?? []) {
      const family = entry.family === 'IPv6' || (entry.family as unknown) === 6 ? 6 : 4;
      result.push({ address: entry.address, family, interface: name, internal: entry.internal });
    }
  }
  // Loopback first, then IPv4 before IPv6: the order people pick from.
  return result.sort((a, b) => Number(b.internal) - Number(a.internal) || a.family - b.family);
}
