import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogContext, readEphemeralRange, readExcludedPortRanges, parseLinuxPortRange } from '../../../src/main/catalog/index';

const onLinux = process.platform === 'linux';
const onMac = process.platform === 'darwin';
const onWindows = process.platform === 'win32';
if (!onLinux) console.warn('read-port-ranges: the Linux checks run only on Linux');
if (!onMac) console.warn('read-port-ranges: the macOS sysctl check runs only on macOS');
if (!onWindows) console.warn('read-port-ranges: the netsh checks run only on Windows');

describe('reading the OS port ranges', () => {
  it.skipIf(!onLinux)('Linux: reads ip_local_port_range and uses it as the context', async () => {
    const expected = parseLinuxPortRange(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8'));
    const read = await readEphemeralRange('linux');
    expect(read).toEqual({ ok: true, value: expected });
    const context = await catalogContext();
    expect(context).toMatchObject({ platform: 'linux', ephemeralRange: expected, ephemeralSource: 'os' });
  });

  it.skipIf(!onMac)('macOS: reads net.inet.ip.portrange through sysctl', async () => {
    const read = await readEphemeralRange('darwin');
    expect(read.ok).toBe(true);
  });

  it.skipIf(!onWindows)('Windows: reads the dynamic port range and the excluded ranges through netsh', async () => {
    expect((await readEphemeralRange('win32')).ok).toBe(true);
    expect((await readExcludedPortRanges('tcp')).ok).toBe(true);
  });

  it.skipIf(onWindows)('excluded port ranges are a Windows-only concept elsewhere', async () => {
    const result = await readExcludedPortRanges();
    expect(result).toMatchObject({ ok: false, code: 'UNSUPPORTED' });
  });
});
