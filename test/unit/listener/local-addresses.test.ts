import type os from 'node:os';
import { describe, expect, it } from 'vitest';
import { addressZone, localAddresses } from '../../../src/main/listener/local-addresses';

const v6 = (address: string, scopeid: number, internal = false): os.NetworkInterfaceInfoIPv6 => ({
  address,
  netmask: 'ffff:ffff:ffff:ffff::',
  family: 'IPv6',
  mac: '02:fc:00:00:00:01',
  internal,
  cidr: `${address}/64`,
  scopeid,
});
const v4 = (address: string, internal = false): os.NetworkInterfaceInfoIPv4 => ({
  address,
  netmask: '255.255.255.0',
  family: 'IPv4',
  mac: '02:fc:00:00:00:01',
  internal,
  cidr: `${address}/24`,
});

const interfaces = {
  lo: [v4('127.0.0.1', true), v6('::1', 0, true)],
  eth0: [v4('192.0.2.2'), v6('fd00::2', 0), v6('fe80::fc:ff:fe00:1', 4)],
};

describe('local addresses', () => {
  it('keeps the interface scope of link-local IPv6 (fe80::…%eth0), bind() needs it', () => {
    const list = localAddresses(interfaces, 'linux');
    expect(list.map((a) => a.address)).toEqual(['127.0.0.1', '::1', '192.0.2.2', 'fd00::2', 'fe80::fc:ff:fe00:1%eth0']);
    expect(list.find((a) => a.address.startsWith('fe80'))).toEqual({ address: 'fe80::fc:ff:fe00:1%eth0', family: 6, interface: 'eth0', internal: false, scope: 'eth0' });
    expect(list.find((a) => a.address === 'fd00::2')?.scope).toBeUndefined();
  });

  it('uses the interface number as the zone on Windows', () => {
    const list = localAddresses({ Ethernet: [v6('fe80::1', 12)] }, 'win32');
    expect(list[0]?.address).toBe('fe80::1%12');
    expect(list[0]?.scope).toBe('12');
  });

  it('adds a zone only to link-local IPv6 without one', () => {
    expect(addressZone('fe80::1', 'en0', 5, 'darwin')).toBe('en0');
    expect(addressZone('fe80::1%en0', 'en0', 5, 'darwin')).toBeNull();
    expect(addressZone('2001:db8::1', 'en0', 0, 'darwin')).toBeNull();
    expect(addressZone('fe80::1', 'Ethernet', 0, 'win32')).toBeNull();
  });
});
