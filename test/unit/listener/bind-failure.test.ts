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

  it('overlap advice for [::] says plainly: bind IPv6 only, or stop the IPv4 holder, or take the free port', () => {
    const advice = explainBindFailure(facts({ host: '::', rows: [row({})] })).advice ?? [];
    expect(advice[0]).toBe('Bind IPv6 only: ::1 or a specific IPv6 address of this machine (unlike [::], these do not take IPv4 too).');
    expect(advice[1]).toBe('Or stop the IPv4 holder, nginx (pid 1234) on 0.0.0.0:8080, and bind [::] again.');
    expect(advice[2]).toBe('Use a free port instead: 8081 is free right now.');
    expect(advice.join('\n')).not.toMatch(/free side/);
  });

  it('overlap advice for an IPv4 bind names the dual-stack holder to stop', () => {
    const advice = explainBindFailure(facts({ host: '0.0.0.0', rows: [row({ family: 6, localAddress: '::', dualStack: true, processName: 'java', pid: 77 })] })).advice ?? [];
    expect(advice[0]).toContain('Stop the dual-stack holder, java (pid 77) on [::]:8080, or make it listen on IPv6 only');
  });

  it('link-local fe80:: without a zone (EINVAL): explains the zone and names the scoped address', () => {
    const failure = explainBindFailure(
      facts({ errno: 'EINVAL', host: 'fe80::fc:ff:fe00:1', localAddresses: ['127.0.0.1', 'fe80::fc:ff:fe00:1%eth0', 'fe80::2%wlan0'], suggestedPort: 8081 }),
    );
    expect(failure.cause).toBe('link-local-zone');
    expect(failure.message).toContain('link-local IPv6 address');
    expect(failure.message).toContain('fe80::fc:ff:fe00:1%eth0');
    expect(failure.localAddresses).toEqual(['fe80::fc:ff:fe00:1%eth0', 'fe80::2%wlan0']);
    expect(failure.advice?.[0]).toContain('Bind fe80::fc:ff:fe00:1%eth0');
    expect(failure.suggestedPort).toBe(8081);
  });

  it('link-local with an unknown address gives the fe80::1%eth0 form (Windows: an interface number)', () => {
    expect(explainBindFailure(facts({ errno: 'EINVAL', host: 'fe80::1', localAddresses: [] })).message).toContain('fe80::1%eth0');
    const win = explainBindFailure(facts({ errno: 'EINVAL', host: 'fe80::1%Ethernet', platform: 'win32', localAddresses: ['fe80::1%12'] }));
    expect(win.cause).toBe('link-local-zone');
    expect(win.message).toContain('"Ethernet" is not a valid zone');
    expect(win.message).toContain('the interface number, e.g. fe80::1%12');
    // EINVAL elsewhere stays generic.
    expect(explainBindFailure(facts({ errno: 'EINVAL', host: '2001:db8::1' })).cause).toBe('other');
  });

  it('names an IPv6 excluded range and the ipv6 netsh commands', () => {
    const excludedRanges = [
      { low: 49685, high: 49784, administered: false, families: [4, 6] as (4 | 6)[] },
      { low: 51000, high: 51099, administered: false, families: [6] as (4 | 6)[] },
    ];
    const v6 = explainBindFailure(facts({ errno: 'EACCES', port: 51010, host: '::1', platform: 'win32', excludedRanges }));
    expect(v6.cause).toBe('excluded-range');
    expect(v6.message).toContain('IPv6 excluded port range 51000–51099');
    expect(v6.excludedRange).toEqual({ start: 51000, end: 51099, families: [6] });
    expect(v6.advice?.join('\n')).toContain('netsh int ipv6 show excludedportrange protocol=tcp');
    expect(v6.advice?.join('\n')).toContain('netsh int ipv6 add excludedportrange protocol=tcp startport=51010');
    expect(v6.advice?.join('\n')).not.toContain('ipv4');
    // A dual-stack [::] bind is blocked by it too; an IPv4 bind is not.
    expect(explainBindFailure(facts({ errno: 'EACCES', port: 51010, host: '::', platform: 'win32', excludedRanges })).cause).toBe('excluded-range');
    expect(explainBindFailure(facts({ errno: 'EACCES', port: 51010, host: '0.0.0.0', platform: 'win32', excludedRanges })).cause).toBe('other');
    const both = explainBindFailure(facts({ errno: 'EACCES', port: 49700, host: '::', platform: 'win32', excludedRanges }));
    expect(both.message).toContain('IPv4 and IPv6 excluded port range 49685–49784');
    expect(both.advice?.join('\n')).toContain('netsh int ipv4 show excludedportrange protocol=tcp');
    expect(both.advice?.join('\n')).toContain('netsh int ipv6 show excludedportrange protocol=tcp');
  });

  it('says when no free port was found nearby', () => {
    expect(explainBindFailure(facts({ rows: [row({})], suggestedPort: null })).advice?.join('\n')).toContain('none free was found');
  });
});
