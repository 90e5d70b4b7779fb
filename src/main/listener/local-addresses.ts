/** This machine's addresses, for the bind-address choice and the client commands. */
import os from 'node:os';
import type { LocalAddress } from '../../shared/listener';
import { isLinkLocalV6 } from './bind-failure';

/**
 * A link-local IPv6 address exists once per interface, so bind() needs its zone: the interface name
 * (`fe80::1%eth0`) on Linux and macOS, the interface number (`fe80::1%12`) on Windows, which is what
 * Node's resolver takes there. Other addresses carry no zone.
 */
export function addressZone(address: string, interfaceName: string, scopeid: number | undefined, platform: string = process.platform): string | null {
  if (!isLinkLocalV6(address) || address.includes('%')) return null;
  if (platform === 'win32') return scopeid ? String(scopeid) : null;
  return interfaceName;
}

export function localAddresses(
  interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces(),
  platform: string = process.platform,
): LocalAddress[] {
  const result: LocalAddress[] = [];
  for (const [name, entries] of Object.entries(interfaces)) {
    for (const entry of entries ?? []) {
      const family = entry.family === 'IPv6' || (entry.family as unknown) === 6 ? 6 : 4;
      const zone = family === 6 ? addressZone(entry.address, name, entry.family === 'IPv6' ? entry.scopeid : undefined, platform) : null;
      result.push({
        address: zone ? `${entry.address}%${zone}` : entry.address,
        family,
        interface: name,
        internal: entry.internal,
        ...(zone ? { scope: zone } : {}),
      });
    }
  }
  // Loopback first, then IPv4 before IPv6: the order people pick from.
  return result.sort((a, b) => Number(b.internal) - Number(a.internal) || a.family - b.family);
}
