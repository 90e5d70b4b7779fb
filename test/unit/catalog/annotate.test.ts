import { describe, expect, it } from 'vitest';
import { annotateRows, listeningKey, servicePort, EPHEMERAL_LABEL, DEFAULT_EPHEMERAL_RANGES, LEGACY_WINDOWS_EPHEMERAL_RANGE } from '../../../src/shared/catalog/index';
import type { CatalogPlatform, EphemeralRange } from '../../../src/shared/catalog/types';
import type { SocketRow } from '../../../src/shared/types';

function row(over: Partial<SocketRow>): SocketRow {
  return {
    id: 'x',
    protocol: 'tcp',
    family: 4,
    localAddress: '10.0.0.2',
    localPort: 0,
    localScope: null,
    remoteAddress: null,
    remotePort: null,
    remoteScope: null,
    state: null,
    owners: [],
    uid: null,
    ownerHidden: null,
    dualStack: null,
    pid: null,
    processName: null,
    services: [],
    user: null,
    processPath: null,
    processCommand: null,
    processStarted: null,
    meaning: null,
    ...over,
  };
}

const RANGES: [name: string, platform: CatalogPlatform, range: EphemeralRange][] = [
  ['Linux', 'linux', { low: 32768, high: 60999 }],
  ['Windows', 'win32', { low: 49152, high: 65535 }],
  ['macOS', 'darwin', { low: 49152, high: 65535 }],
  ['legacy Windows', 'win32', { low: 1025, high: 5000 }],
];

describe('annotateRows: ephemeral labelling on each OS range', () => {
  it('falls back to each OS default range (used for imports and when the OS cannot be asked)', () => {
    expect(DEFAULT_EPHEMERAL_RANGES).toEqual(Object.fromEntries(RANGES.slice(0, 3).map(([, p, r]) => [p, r])));
    expect(LEGACY_WINDOWS_EPHEMERAL_RANGE).toEqual(RANGES[3]?.[2]);
  });

  it.each(RANGES)('%s %o: a client port inside the range is "ephemeral (client side)"', (_name, platform, range) => {
    // An outgoing connection whose remote end is not a known service either: only the ephemeral label fits.
    const inside = range.low + 7;
    const client = row({ localPort: inside, remoteAddress: '10.0.0.9', remotePort: range.high, state: 'ESTABLISHED', processName: 'curl', pid: 1 });
    const udpClient = row({ protocol: 'udp', localPort: range.low, processName: 'svchost.exe', pid: 2 });
    const [a, b] = annotateRows([client, udpClient], { platform, ephemeralRange: range });
    expect(b?.meaning?.name).toBe(EPHEMERAL_LABEL);
    expect(b?.meaning?.description).toContain(`${range.low}-${range.high}`);
    expect(b?.ownerVerdict).toBeNull();
    expect(a?.meaning).not.toBeNull();
  });

  it.each(RANGES)('%s %o: an outgoing connection is annotated with the remote service port', (_name, platform, range) => {
    const r = row({ localPort: range.low + 100, remoteAddress: '93.184.216.34', remotePort: 443, state: 'ESTABLISHED', processName: 'firefox', pid: 3 });
    const [a] = annotateRows([r], { platform, ephemeralRange: range });
    expect(a?.meaning?.name).toMatch(/HTTPS/);
    expect(a?.ownerVerdict).toBeNull(); // the owner of a client socket is not judged against the server port
  });

  it.each(RANGES)('%s %o: a port just outside the range keeps its catalog meaning', (_name, platform, range) => {
    const outside = range.low - 1;
    const r = row({ protocol: 'udp', localPort: outside, processName: 'x', pid: 4 });
    const [a] = annotateRows([r], { platform, ephemeralRange: range });
    expect(a?.meaning?.name).not.toBe(EPHEMERAL_LABEL);
  });

  it('labels a Linux client port 47808 as ephemeral, not with what IANA registered there (bacnet)', () => {
    const r = row({ protocol: 'udp', localPort: 47808, processName: 'chrome', pid: 9 });
    const [linux] = annotateRows([r], { platform: 'linux', ephemeralRange: { low: 32768, high: 60999 } });
    expect(linux?.meaning?.name).toBe(EPHEMERAL_LABEL);
    // Without a known range the catalog cannot tell and falls back to the registry.
    const [unknown] = annotateRows([r], { platform: 'linux', ephemeralRange: null });
    expect(unknown?.meaning).toEqual({ name: 'bacnet', description: expect.any(String), source: 'IANA' });
  });

  it('never labels a listener as ephemeral, even inside the range', () => {
    const listener = row({ localPort: 50000, state: 'LISTEN', processName: 'node', pid: 5 });
    const incoming = row({ localPort: 50000, remoteAddress: '10.0.0.9', remotePort: 50123, state: 'ESTABLISHED', processName: 'node', pid: 5 });
    const [a, b] = annotateRows([listener, incoming], { platform: 'win32', ephemeralRange: { low: 49152, high: 65535 } });
    expect(a?.meaning?.name).not.toBe(EPHEMERAL_LABEL);
    expect(b?.meaning?.name).toBe(a?.meaning?.name);
  });

  it('sets meaning and owner verdict on the service side, in place', () => {
    const rdp = row({ localPort: 3389, state: 'LISTEN', processName: 'python.exe', pid: 4242 });
    const [a] = annotateRows([rdp], { platform: 'win32', ephemeralRange: { low: 49152, high: 65535 } });
    expect(a?.meaning?.name).toContain('Remote Desktop');
    expect(a?.meaning?.source).toBe('Service overview and network port requirements for Windows');
    expect(a?.ownerVerdict?.verdict).toBe('unexpected');
    expect(a).toBe(rdp);
    // A port without a usual owner gets no verdict at all (the field says "when it knows the port").
    const [dev] = annotateRows([row({ localPort: 5173, state: 'LISTEN', processName: 'node', pid: 7 })], { platform: 'linux', ephemeralRange: null });
    expect(dev?.meaning?.name).toBe('Vite dev server');
    expect(dev?.ownerVerdict).toBeNull();
  });
});

describe('best meaning per platform', () => {
  const listener = (port: number, protocol: 'tcp' | 'udp' = 'tcp'): SocketRow => row({ protocol, localPort: port, state: protocol === 'tcp' ? 'LISTEN' : null });
  const best = (r: SocketRow, platform: CatalogPlatform): string | undefined =>
    annotateRows([r], { platform, ephemeralRange: null })[0]?.meaning?.name;

  it('uses the Windows service meaning on Windows and the cross-platform one elsewhere', () => {
    expect(best(listener(80), 'win32')).toBe('HTTP');
    expect(annotateRows([listener(80)], { platform: 'win32', ephemeralRange: null })[0]?.meaning?.source).toBe('Service overview and network port requirements for Windows');
    expect(annotateRows([listener(80)], { platform: 'linux', ephemeralRange: null })[0]?.meaning?.source).toBe('PortScope developer and admin ports');
    expect(best(listener(53, 'udp'), 'linux')).toBe('DNS');
  });

  it('ranks today\'s developer meaning above legacy and Windows 2000 uses', () => {
    expect(best(listener(8000), 'win32')).toMatch(/Django/);
    expect(best(listener(5000), 'win32')).toMatch(/Flask/);
    expect(best(listener(5000), 'darwin')).toMatch(/AirPlay/);
    expect(best(listener(3389), 'linux')).toMatch(/Remote Desktop/);
  });
});

describe('servicePort', () => {
  const range = { low: 49152, high: 65535 };
  it('is the local port of a listener or an unconnected socket', () => {
    expect(servicePort(row({ localPort: 8080, state: 'LISTEN' }))).toBe(8080);
    expect(servicePort(row({ protocol: 'udp', localPort: 5353 }))).toBe(5353);
  });
  it('is the remote well-known port of an outgoing connection', () => {
    expect(servicePort(row({ localPort: 51234, remotePort: 443, state: 'ESTABLISHED' }), { ephemeralRange: range })).toBe(443);
    expect(servicePort(row({ localPort: 40000, remotePort: 5432, state: 'ESTABLISHED' }))).toBe(5432);
  });
  it('is the local port of an incoming connection', () => {
    expect(servicePort(row({ localPort: 22, remotePort: 51234, state: 'ESTABLISHED' }), { ephemeralRange: range })).toBe(22);
  });
  it('prefers a port this machine listens on', () => {
    const listening = new Set([listeningKey('tcp', 50001)]);
    expect(servicePort(row({ localPort: 50001, remotePort: 50002, state: 'ESTABLISHED' }), { listening, ephemeralRange: range })).toBe(50001);
    expect(servicePort(row({ localPort: 50003, remotePort: 50001, state: 'ESTABLISHED' }), { listening, ephemeralRange: range })).toBe(50001);
  });
});
