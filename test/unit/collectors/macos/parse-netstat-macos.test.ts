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

  it('reads headers and endpoints', () => {
    expect(readHeader('Proto Recv-Q Send-Q  Local Address  Foreign Address  (state)  rhiwat shiwat    pid   epid')).toEqual({ pidIndex: 2, named: false });
    expect(readHeader('Proto Recv-Q Send-Q Local Address Foreign Address (state) rxbytes txbytes rhiwat shiwat process:pid')).toEqual({ pidIndex: 4, named: true });
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
