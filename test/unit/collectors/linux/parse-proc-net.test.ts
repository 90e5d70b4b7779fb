import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHexEndpoint, parseProcNet } from '../../../../src/main/collectors/linux/parse-proc-net';
import { ipv6FromBytes } from '../../../../src/main/collectors/linux/ip-text';
import { randomText } from './random-text';

const fixture = (name: string): string => readFileSync(new URL(`../../../fixtures/linux/${name}`, import.meta.url), 'utf8');

describe('parseProcNet', () => {
  it('reads IPv4 TCP: little-endian words, states, uid, inode', () => {
    const { rows, unparsed } = parseProcNet(fixture('proc-net-tcp.txt'), 'tcp');
    expect(unparsed).toEqual([]);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatchObject({ family: 4, localAddress: '0.0.0.0', localPort: 2024, state: 'LISTEN', remoteAddress: null, remotePort: null, inode: 1533, uid: 0 });
    expect(rows[1]).toMatchObject({ localAddress: '127.0.0.1', localPort: 41001, uid: 1000 });
    expect(rows[2]).toMatchObject({ state: 'ESTABLISHED', localPort: 35552, remoteAddress: '127.0.0.1', remotePort: 41001 });
    expect(rows[3]).toMatchObject({ state: 'TIME_WAIT', localAddress: '192.168.1.23', localPort: 50110, remoteAddress: '140.92.112.4', remotePort: 443, inode: 0 });
    expect(rows[4]).toMatchObject({ state: 'SYN_SENT', remoteAddress: '203.0.113.9' });
  });

  it('reads IPv6 TCP: four byte-reversed words, mapped IPv4, link-local', () => {
    const { rows, unparsed } = parseProcNet(fixture('proc-net-tcp6.txt'), 'tcp');
    expect(unparsed).toEqual([]);
    expect(rows.map((r) => r.localAddress)).toEqual(['::1', '::', '::ffff:127.0.0.1', '2001:db8::1', 'fe80::200:27ff:fe4e:66a1']);
    expect(rows.every((r) => r.family === 6)).toBe(true);
    expect(rows[1]).toMatchObject({ localPort: 41003, state: 'LISTEN', dualStack: null });
    expect(rows[3]).toMatchObject({ localPort: 80, remoteAddress: '2001:db8::2', remotePort: 54321, uid: 33 });
    expect(rows[4]).toMatchObject({ remoteAddress: 'fe80::1', remotePort: 22, localScope: null });
  });

  it('reads UDP: state null, unconnected has no remote, connected keeps it', () => {
    const v4 = parseProcNet(fixture('proc-net-udp.txt'), 'udp').rows;
    expect(v4).toHaveLength(3);
    expect(v4[1]).toMatchObject({ protocol: 'udp', localAddress: '127.0.0.53', localPort: 53, state: null, remoteAddress: null, uid: 101 });
    expect(v4[2]).toMatchObject({ state: null, remoteAddress: '192.168.1.1', remotePort: 53 });
    const v6 = parseProcNet(fixture('proc-net-udp6.txt'), 'udp').rows;
    expect(v6.map((r) => [r.localAddress, r.localPort])).toEqual([['::1', 41006], ['::', 41007]]);
  });

  it('formats IPv6 per RFC 5952', () => {
    expect(ipv6FromBytes([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1])).toBe('2001:db8:0:1::1');
    expect(ipv6FromBytes([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1])).toBe('2001:db8::1:0:0:1');
    expect(ipv6FromBytes(new Array(16).fill(0))).toBe('::');
    // glibc's inet_ntop (and so ss): dotted IPv4 at the end of an IPv4-compatible address, not of ::1 or ::102
    expect(ipv6FromBytes([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4])).toBe('::1.2.3.4');
    expect(ipv6FromBytes([...new Array<number>(15).fill(0), 1])).toBe('::1');
    expect(ipv6FromBytes([...new Array<number>(14).fill(0), 1, 2])).toBe('::102');
    expect(ipv6FromBytes([0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8])).toBe('1:2:3:4:5:6:7:8');
    expect(parseHexEndpoint('0100007F:zz')).toBeNull();
  });

  it('counts garbage and survives random and truncated text', () => {
    expect(parseProcNet('   0: nothing here at all 1 2 3 4 5 6 7\n', 'tcp').unparsed).toHaveLength(1);
    const text = fixture('proc-net-tcp6.txt');
    for (let i = 0; i < 300; i++) {
      expect(() => parseProcNet(text.slice(0, Math.floor((text.length * i) / 300)), 'tcp')).not.toThrow();
      expect(() => parseProcNet(randomText(i + 1000, 400), i % 2 ? 'tcp' : 'udp')).not.toThrow();
    }
  });
});
