import { describe, expect, it } from 'vitest';
import { explainBindFailure, relevantHolders, type BindFailureFacts, type HolderRow } from '../../../src/main/listener/bind-failure';

const row = (over: Partial<HolderRow>): HolderRow => ({
  id: 'tcp|0.0.0.0:8080|*|1234',
  protocol: 'tcp',
  family: 4,
  localAddress: '0.0.0.0',
  localPort: 8080,
  state: 'LISTEN',
  pid: 1234,
  processName: 'nginx',
  dualStack: null,
  ...over,
});

const facts = (over: Partial<BindFailureFacts>): BindFailureFacts => ({
  errno: 'EADDRINUSE',
  port: 8080,
  protocol: 'tcp',
  host: '0.0.0.0',
  platform: 'linux',
  rows: [],
  excludedRanges: [],
  unprivilegedPortStart: 1024,
  localAddresses: ['127.0.0.1', '::1', '192.168.1.20'],
  suggestedPort: 8081,
  ...over,
});

describe('explainBindFailure', () => {
  it('names the holder of a busy port with pid, name and row id, and suggests the free port', () => {
    const failure = explainBindFailure(facts({ rows: [row({})] }));
    expect(failure.cause).toBe('in-use');
    expect(failure.holder).toEqual({ pid: 1234, processName: 'nginx', rowId: 'tcp|0.0.0.0:8080|*|1234' });
    expect(failure.message).toContain('nginx (pid 1234)');
    expect(failure.suggestedPort).toBe(8081);
    expect(failure.advice?.join('\n')).toContain('8081 is free');
  });

  it('prefers a listener it can name over a hidden one and ignores connections and other protocols', () => {
    const rows = [
      row({ pid: null, processName: null, id: 'hidden' }),
      row({ state: 'ESTABLISHED', id: 'conn', pid: 9 }),
      row({ protocol: 'udp', state: null, id: 'udp', pid: 8 }),
      row({ id: 'named', pid: 77, processName: 'java' }),
    ];
    expect(relevantHolders({ rows, port: 8080, protocol: 'tcp', host: '0.0.0.0' }).map((r) => r.id)).toEqual(['named', 'hidden']);
  });

  it('recognises PortScope itself as the holder', () => {
    const failure = explainBindFailure(facts({ rows: [row({ pid: 4242, processName: 'node' })], selfPid: 4242 }));
    expect(failure.cause).toBe('in-use');
    expect(failure.message).toContain('this PortScope (pid 4242)');
  });

  it('says the owner is hidden when the table has none', () => {
    const failure = explainBindFailure(facts({ rows: [] }));
    expect(failure.cause).toBe('in-use');
    expect(failure.holder).toBeNull();
    expect(failure.message).toMatch(/shows no owner/);
  });

  it('explains a privileged port on Linux with the sysctl value and what to do', () => {
    const failure = explainBindFailure(facts({ errno: 'EACCES', port: 80, unprivilegedPortStart: 1024, suggestedPort: 8080 }));
    expect(failure.cause).toBe('privileged');
    expect(failure.message).toContain('net.ipv4.ip_unprivileged_port_start = 1024');
    expect(failure.message).toContain('CAP_NET_BIND_SERVICE');
    expect(failure.advice?.join('\n')).toContain('setcap');
    expect(failure.advice?.join('\n')).toContain('sysctl net.ipv4.ip_unprivileged_port_start=80');
    expect(failure.suggestedPort).toBe(8080);
  });

  it('uses a lowered unprivileged start: EACCES above it is not a privileged-port problem', () => {
    expect(explainBindFailure(facts({ errno: 'EACCES', port: 600, unprivilegedPortStart: 500 })).cause).toBe('other');
    expect(explainBindFailure(facts({ errno: 'EACCES', port: 450, unprivilegedPortStart: 500 })).message).toContain('below 500');
  });

  it('explains macOS low ports: all addresses are allowed, a specific address needs root', () => {
    const failure = explainBindFailure(facts({ errno: 'EACCES', port: 80, platform: 'darwin', host: '127.0.0.1', unprivilegedPortStart: 1024 }));
    expect(failure.cause).toBe('privileged');
    expect(failure.message).toContain('macOS 10.14');
    expect(failure.message).toContain('127.0.0.1');
  });

  it('explains a Windows excluded port range: which range and who reserves them', () => {
    const failure = explainBindFailure(
      facts({ errno: 'EACCES', port: 50010, platform: 'win32', excludedRanges: [{ low: 5357, high: 5357, administered: true }, { low: 49990, high: 50089, administered: false }], unprivilegedPortStart: 0 }),
    );
    expect(failure.cause).toBe('excluded-range');
    expect(failure.excludedRange).toEqual({ start: 49990, end: 50089 });
    expect(failure.message).toContain('49990–50089');
    expect(failure.message).toMatch(/Hyper-V/);
    expect(failure.advice?.join('\n')).toContain('netsh int ipv4 show excludedportrange protocol=tcp');
  });

  it('names an administrator-reserved range as such', () => {
    const failure = explainBindFailure(facts({ errno: 'EACCES', port: 5357, platform: 'win32', excludedRanges: [{ low: 5357, high: 5357, administered: true }] }));
    expect(failure.message).toContain('an administrator reserved it');
  });

  it('on Windows, EACCES outside any range with a holder is an exclusive-use conflict, never "privileged"', () => {
    const withHolder = explainBindFailure(facts({ errno: 'EACCES', port: 80, platform: 'win32', rows: [row({ localPort: 80, processName: 'System', pid: 4 })] }));
    expect(withHolder.cause).toBe('in-use');
    expect(withHolder.holder?.pid).toBe(4);
    const without = explainBindFailure(facts({ errno: 'EACCES', port: 80, platform: 'win32' }));
    expect(without.cause).toBe('other');
    expect(without.message).toContain('does not restrict low ports');
  });

  it('lists this machine\'s addresses when the address is not local', () => {
    const failure = explainBindFailure(facts({ errno: 'EADDRNOTAVAIL', host: '203.0.113.7' }));
    expect(failure.cause).toBe('address-not-local');
    expect(failure.localAddresses).toEqual(['127.0.0.1', '::1', '192.168.1.20']);
    expect(failure.message).toContain('192.168.1.20');
  });

  it('explains IPv4/IPv6 overlap: a dual-stack [::] bind against an IPv4 holder', () => {
    const failure = explainBindFailure(facts({ host: '::', rows: [row({})] }));
    expect(failure.cause).toBe('v4-v6-overlap');
    expect(failure.holder?.pid).toBe(1234);
    expect(failure.message).toContain('dual-stack');
  });

  it('explains IPv4/IPv6 overlap: an IPv4 bind against a dual-stack [::] holder', () => {
    const failure = explainBindFailure(facts({ host: '0.0.0.0', rows: [row({ family: 6, localAddress: '::', dualStack: true, id: 'v6' })] }));
    expect(failure.cause).toBe('v4-v6-overlap');
    expect(failure.holder?.rowId).toBe('v6');
  });

  it('a v6-only [::] holder does not block IPv4, so it is not blamed as overlapping', () => {
    const rows = [row({ family: 6, localAddress: '::', dualStack: false, id: 'v6only' }), row({ localAddress: '127.0.0.1', id: 'v4' })];
    const failure = explainBindFailure(facts({ host: '127.0.0.1', rows }));
    expect(failure.cause).toBe('in-use');
    expect(failure.holder?.rowId).toBe('v4');
  });

  it('says when no free port was found nearby', () => {
    expect(explainBindFailure(facts({ rows: [row({})], suggestedPort: null })).advice?.join('\n')).toContain('none free was found');
  });
});
