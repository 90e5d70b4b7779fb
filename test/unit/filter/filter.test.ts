import { describe, expect, it } from 'vitest';
import { DEFAULT_TOGGLES, filterRows, parseFilter, matchesFilter } from '../../../src/shared/filter';
import { makeRow } from '../renderer/make-row';

const http = makeRow({ localPort: 80 });
const alt = makeRow({ localPort: 8080, processName: 'node', owners: [{ pid: 200, processName: 'node' }], pid: 200, meaning: null });
const odd = makeRow({ localPort: 8042, processName: 'java', owners: [{ pid: 300, processName: 'java' }], pid: 300, meaning: null });
const client = makeRow({
  localAddress: '192.168.1.5',
  localPort: 51234,
  remoteAddress: '93.184.216.34',
  remotePort: 80,
  state: 'ESTABLISHED',
  processName: 'firefox',
  owners: [{ pid: 400, processName: 'firefox' }],
  pid: 400,
  meaning: null,
});
const dns = makeRow({ protocol: 'udp', family: 6, localAddress: '::1', localPort: 53, state: null, processName: 'svchost.exe', owners: [{ pid: 500, processName: 'svchost.exe' }], pid: 500, services: ['Dnscache'], meaning: null });
const tw = makeRow({ localAddress: '127.0.0.1', localPort: 50000, remoteAddress: '127.0.0.1', remotePort: 8080, state: 'TIME_WAIT', owners: [], pid: null, processName: null, meaning: null });
const all = [http, alt, odd, client, dns, tw];
const ports = (rows: typeof all): number[] => rows.map((r) => r.localPort);

describe('filter language', () => {
  it('port:80 matches the exact port, local or remote, never 8080 or 8042', () => {
    expect(ports(filterRows(all, 'port:80'))).toEqual([80, 51234]);
  });
  it('lport / rport restrict the side; lists and ranges work', () => {
    expect(ports(filterRows(all, 'lport:80'))).toEqual([80]);
    expect(ports(filterRows(all, 'rport:80'))).toEqual([51234]);
    expect(ports(filterRows(all, 'port:8000-8100'))).toEqual([8080, 8042, 50000]);
    expect(ports(filterRows(all, 'lport:53,8042'))).toEqual([8042, 53]);
  });
  it('pid, proc, state, proto', () => {
    expect(ports(filterRows(all, 'pid:200'))).toEqual([8080]);
    expect(ports(filterRows(all, 'proc:NGI'))).toEqual([80]);
    expect(ports(filterRows(all, 'state:established'))).toEqual([51234]);
    expect(ports(filterRows(all, 'state:time_wait'))).toEqual([50000]);
    expect(ports(filterRows(all, 'state:listen'))).toEqual([80, 8080, 8042, 53]); // unconnected UDP counts as listening
    expect(ports(filterRows(all, 'proto:udp'))).toEqual([53]);
    expect(ports(filterRows(all, 'proto:tcp6'))).toEqual([]);
    expect(ports(filterRows(all, 'proto:6'))).toEqual([53]);
  });
  it('negation and AND', () => {
    expect(ports(filterRows(all, '-proc:svchost state:listen'))).toEqual([80, 8080, 8042]);
    expect(ports(filterRows(all, 'state:listen -port:80'))).toEqual([8080, 8042, 53]);
    expect(ports(filterRows(all, 'proto:tcp proc:node'))).toEqual([8080]);
  });
  it('free text searches process, addresses, ports, meaning and services', () => {
    expect(ports(filterRows(all, 'firefox'))).toEqual([51234]);
    expect(ports(filterRows(all, '93.184'))).toEqual([51234]);
    expect(ports(filterRows(all, 'world wide'))).toEqual([80]); // two terms, both in the meaning
    expect(ports(filterRows(all, '"world wide web"'))).toEqual([80]);
    expect(ports(filterRows(all, 'dnscache'))).toEqual([53]);
    expect(ports(filterRows(all, '::1'))).toEqual([53]); // an IPv6 address is text, not a field
  });
  it('quoted field values and svc:', () => {
    const spaced = makeRow({ processName: 'My App', owners: [{ pid: 9, processName: 'My App' }] });
    expect(matchesFilter(spaced, parseFilter('proc:"my app"'))).toBe(true);
    expect(ports(filterRows(all, 'svc:dns'))).toEqual([53]);
  });
  it('bad terms give a message that says what to do and are ignored', () => {
    const parsed = parseFilter('port:abc pid:x proto:sctp port:');
    expect(parsed.terms).toEqual([]);
    expect(parsed.errors).toHaveLength(4);
    expect(parsed.errors[0]).toMatch(/not a port; use a number/);
    expect(parsed.errors[2]).toMatch(/use tcp, udp/);
    expect(filterRows(all, 'port:99999')).toHaveLength(all.length);
  });
  it('an empty filter matches everything', () => {
    expect(filterRows(all, '   ')).toHaveLength(all.length);
  });
});

describe('toggles', () => {
  it('listening only, protocols, families, loopback', () => {
    expect(ports(filterRows(all, '', { ...DEFAULT_TOGGLES, listeningOnly: true }))).toEqual([80, 8080, 8042, 53]);
    expect(ports(filterRows(all, '', { ...DEFAULT_TOGGLES, udp: false }))).toEqual([80, 8080, 8042, 51234, 50000]);
    expect(ports(filterRows(all, '', { ...DEFAULT_TOGGLES, tcp: false }))).toEqual([53]);
    expect(ports(filterRows(all, '', { ...DEFAULT_TOGGLES, ipv4: false }))).toEqual([53]);
    expect(ports(filterRows(all, '', { ...DEFAULT_TOGGLES, ipv6: false }))).toHaveLength(5);
    expect(ports(filterRows(all, '', { ...DEFAULT_TOGGLES, hideLoopback: true }))).toEqual([80, 8080, 8042, 51234]);
  });
  it('toggles and text combine', () => {
    expect(ports(filterRows(all, 'proc:n', { ...DEFAULT_TOGGLES, listeningOnly: true }))).toEqual([80, 8080]);
  });
});
