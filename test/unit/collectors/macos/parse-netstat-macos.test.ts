import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDottedEndpoint, parseNetstatMacos, readHeader } from '../../../../src/main/collectors/macos/parse-netstat-macos';

const text = (name: string): string => readFileSync(new URL(`../../../fixtures/macos/${name}`, import.meta.url), 'utf8');

describe('parseNetstatMacos: the pid column found by its header in every layout', () => {
  it('older layout (rhiwat shiwat pid epid)', () => {
    const { rows, unparsed } = parseNetstatMacos(text('netstat-anv-tcp-legacy.txt'));
    expect(unparsed).toEqual([]);
    expect(rows.map((r) => r.owners[0]?.pid)).toEqual([312, 455, 390, 807, 201, 91]);
    expect(rows[0]).toMatchObject({ localAddress: '192.168.1.20', localPort: 49515, remoteAddress: '17.57.146.52', remotePort: 5223, state: 'ESTABLISHED', family: 4 });
    expect(rows[2]).toMatchObject({ localAddress: '::', localPort: 5000, dualStack: true, family: 6, state: 'LISTEN', remoteAddress: null });
    expect(rows[3]).toMatchObject({ localAddress: '::1', localPort: 5432, dualStack: false });
    expect(rows[4]).toMatchObject({ protocol: 'udp', state: null, localAddress: '0.0.0.0', localPort: 5353 });
    expect(rows[5]).toMatchObject({ protocol: 'udp', localAddress: 'fe80::1', localScope: 'lo0', localPort: 123 });
  });

  it('10.x layout (… pid epid state options), TIME_WAIT with pid 0 has no owner', () => {
    const { rows, unparsed } = parseNetstatMacos(text('netstat-anv-tcp-1012.txt'));
    expect(unparsed).toEqual([]);
    expect(rows.map((r) => r.owners[0]?.pid ?? null)).toEqual([312, 92386, null, 112, 201]);
    expect(rows[2].state).toBe('TIME_WAIT');
    expect(rows[3]).toMatchObject({ localAddress: 'fe80::1', localScope: 'lo0', localPort: 631 });
    expect(rows[4]).toMatchObject({ protocol: 'udp', dualStack: true, state: null });
  });

  it('11–15 layout (… pid epid state options gencnt flags …)', () => {
    const { rows, unparsed } = parseNetstatMacos(text('netstat-anv-tcp-14.txt'));
    expect(unparsed).toEqual([]);
    expect(rows.map((r) => r.owners[0]?.pid)).toEqual([934, 21865, 629, 5021, 321, 201]);
    expect(rows[3].state).toBe('SYN_SENT');
    expect(rows[5]).toMatchObject({ protocol: 'udp', family: 6, localScope: 'en0', localPort: 5353 });
  });

  it('macOS 26 layout (process:pid, names with spaces), other sections skipped', () => {
    const { rows, unparsed } = parseNetstatMacos(text('netstat-anv-26.txt'));
    expect(unparsed).toEqual([]);
    expect(rows.map((r) => r.owners[0])).toEqual([
      { pid: 935, processName: 'Mail' },
      { pid: 629, processName: 'ControlCenter' },
      { pid: 629, processName: 'ControlCenter' },
      { pid: 22712, processName: 'Autodesk Fusion' },
      { pid: 21865, processName: 'adb' },
      { pid: 21865, processName: 'adb' },
      { pid: 855, processName: 'Brave Browser He' },
    ]);
    expect(rows[6]).toMatchObject({ protocol: 'udp', state: null, remoteAddress: '108.177.119.95', remotePort: 443 });
  });

  it('netstat -anvl (full IPv6 addresses) reads the same way, and a process name may hold ":digits "', () => {
    const { rows, unparsed } = parseNetstatMacos(text('netstat-anvl-26.txt'));
    expect(unparsed).toEqual([]);
    expect(rows.map((r) => r.owners[0])).toEqual([
      { pid: 1042, processName: 'Safari' },
      { pid: 612, processName: 'smbd' },
      { pid: 4242, processName: 'foo:1 bar' },
      { pid: 629, processName: 'ControlCenter' },
      { pid: 855, processName: 'Brave Browser He' },
    ]);
    expect(rows[0]).toMatchObject({
      family: 6,
      localAddress: '2a02:8071:5e1:9d00:1c8e:4fd6:b2a9:6f0e',
      localPort: 51234,
      remoteAddress: '2606:4700:4400::6812:2a4d',
      remotePort: 443,
      state: 'ESTABLISHED',
    });
    expect(rows[1]).toMatchObject({ localAddress: 'fe80::aede:48ff:fe00:1122', localScope: 'en0', remoteScope: 'en0', remotePort: 445 });
    expect(rows[2]).toMatchObject({ localAddress: '127.0.0.1', localPort: 8765, state: 'LISTEN' });
    expect(rows[4]).toMatchObject({ protocol: 'udp', state: null, remoteAddress: '2a00:1450:4001:82a::200e', remotePort: 443 });
  });

  it('finds process:pid from the line end, falling back to the last ":digits" token when columns are missing', () => {
    const header = text('netstat-anv-26.txt').split('\n').slice(0, 2).join('\n');
    const full = 'tcp4 0 0 127.0.0.1.8765 *.* LISTEN 0 0 131072 131072 foo:1 bar:4242 00100 00000006 000000000006c1c4 00000000 00000900 1 0 000000';
    const cut = 'tcp4 0 0 127.0.0.1.8766 *.* LISTEN 0 0 131072 131072 foo:1 bar:4243 00100 00000006';
    const { rows, unparsed } = parseNetstatMacos(`${header}\n${full}\n${cut}\n`);
    expect(unparsed).toEqual([]);
    expect(rows.map((r) => r.owners[0])).toEqual([
      { pid: 4242, processName: 'foo:1 bar' },
      { pid: 4243, processName: 'foo:1 bar' },
    ]);
  });

  it('still reads a capture without -l, whose long IPv6 addresses netstat cut to 16 characters', () => {
    const header = text('netstat-anv-tcp-14.txt').split('\n').slice(0, 2).join('\n');
    const line = 'tcp6       0      0  2a02:8071:5e1:9d.51234 2606:4700:4400::.443  ESTABLISHED  131072  131768   1042      0 00102 00020000 000000000005b500 00180081 04084900      2      0 000000';
    const { rows, unparsed } = parseNetstatMacos(`${header}\n${line}\n`);
    expect(unparsed).toEqual([]);
    expect(rows[0]).toMatchObject({ localAddress: '2a02:8071:5e1:9d', localPort: 51234, remotePort: 443, owners: [{ pid: 1042 }] });
  });

  it('reads headers and endpoints', () => {
    expect(readHeader('Proto Recv-Q Send-Q  Local Address  Foreign Address  (state)  rhiwat shiwat    pid   epid')).toEqual({ pidIndex: 2, named: false, trailing: 1 });
    expect(readHeader('Proto Recv-Q Send-Q Local Address Foreign Address (state) rxbytes txbytes rhiwat shiwat process:pid')).toEqual({ pidIndex: 4, named: true, trailing: 0 });
    expect(parseDottedEndpoint('*.*')).toEqual({ address: '*', port: null, scope: null });
    expect(parseDottedEndpoint('::1.5432')).toEqual({ address: '::1', port: 5432, scope: null });
    expect(parseDottedEndpoint('nodot')).toBeNull();
  });

  it('reads rows without any header (plain netstat -an), with no owners', () => {
    const { rows } = parseNetstatMacos('tcp4  0  0  127.0.0.1.8080  *.*  LISTEN\n');
    expect(rows).toHaveLength(1);
    expect(rows[0].owners).toEqual([]);
  });

  it('counts truncated rows', () => {
    const header = text('netstat-anv-26.txt').split('\n').slice(0, 2).join('\n');
    const { rows, unparsed } = parseNetstatMacos(`${header}\ntcp4 0 0 *.7000 *.* LISTEN 0 0\ntcp4 0 0 *.70000 *.* LISTEN\n`);
    expect(rows).toEqual([]);
    expect(unparsed).toHaveLength(2);
  });
});
