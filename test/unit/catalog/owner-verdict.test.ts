import { describe, expect, it } from 'vitest';
import { ownerVerdict, normalizeProcessName } from '../../../src/shared/catalog/index';

describe('ownerVerdict', () => {
  it('warns when python.exe holds 3389/tcp', () => {
    const v = ownerVerdict(3389, 'tcp', { processName: 'python.exe', services: [], pid: 4242, platform: 'win32' });
    expect(v.verdict).toBe('unexpected');
    expect(v.reason).toMatch(/^Warning:/);
    expect(v.reason).toContain('TermService in svchost.exe');
    expect(v.reason).toContain('python.exe (pid 4242)');
  });

  it('accepts svchost.exe hosting TermService on 3389/tcp', () => {
    const v = ownerVerdict(3389, 'tcp', { processName: 'svchost.exe', services: ['TermService'], pid: 1100, platform: 'win32' });
    expect(v.verdict).toBe('expected');
    expect(v.reason).toContain('TermService');
  });

  it('flags svchost.exe hosting some other service on 3389/tcp', () => {
    const v = ownerVerdict(3389, 'tcp', { processName: 'svchost.exe', services: ['Dnscache'], pid: 1200, platform: 'win32' });
    expect(v.verdict).toBe('unexpected');
    expect(v.reason).toContain('Dnscache');
  });

  it('accepts svchost.exe on 3389 when its services are not known, and says so', () => {
    const v = ownerVerdict(3389, 'tcp', { processName: 'svchost.exe', services: [], pid: 1100, platform: 'win32' });
    expect(v.verdict).toBe('expected');
    expect(v.reason).toContain('not known');
  });

  it('expects System (pid 4) on 445 and 139, and RpcSs on 135', () => {
    expect(ownerVerdict(445, 'tcp', { processName: 'System', services: [], pid: 4, platform: 'win32' }).verdict).toBe('expected');
    expect(ownerVerdict(139, 'tcp', { processName: null, services: [], pid: 4, platform: 'win32' }).verdict).toBe('expected');
    expect(ownerVerdict(445, 'tcp', { processName: 'evil.exe', services: [], pid: 5555, platform: 'win32' }).verdict).toBe('unexpected');
    expect(ownerVerdict(135, 'tcp', { processName: 'svchost.exe', services: ['RpcEptMapper', 'RpcSs'], pid: 900, platform: 'win32' }).verdict).toBe('expected');
  });

  it('expects sshd on 22 on Linux and macOS, and systemd socket activation', () => {
    expect(ownerVerdict(22, 'tcp', { processName: 'sshd', services: [], pid: 812, platform: 'linux' }).verdict).toBe('expected');
    expect(ownerVerdict(22, 'tcp', { processName: 'systemd', services: [], pid: 1, platform: 'linux' }).verdict).toBe('expected');
    expect(ownerVerdict(22, 'tcp', { processName: 'launchd', services: [], pid: 1, platform: 'darwin' }).verdict).toBe('expected');
    expect(ownerVerdict(22, 'tcp', { processName: 'nc', services: [], pid: 999, platform: 'linux' }).verdict).toBe('unexpected');
  });

  it('knows the DNS servers of each OS, including the 15-character Linux name of systemd-resolved', () => {
    expect(ownerVerdict(53, 'udp', { processName: 'systemd-resolve', services: [], pid: 600, platform: 'linux' }).verdict).toBe('expected');
    expect(ownerVerdict(53, 'tcp', { processName: 'dnsmasq', services: [], pid: 601, platform: 'linux' }).verdict).toBe('expected');
    expect(ownerVerdict(53, 'udp', { processName: 'dns.exe', services: ['DNS'], pid: 2000, platform: 'win32' }).verdict).toBe('expected');
    expect(ownerVerdict(53, 'udp', { processName: 'node', services: [], pid: 3000, platform: 'linux' }).verdict).toBe('unexpected');
  });

  it('expects cupsd on 631 and ControlCenter on 5000/7000 on macOS', () => {
    expect(ownerVerdict(631, 'tcp', { processName: 'cupsd', services: [], pid: 700, platform: 'linux' }).verdict).toBe('expected');
    expect(ownerVerdict(5000, 'tcp', { processName: 'ControlCenter', services: [], pid: 500, platform: 'darwin' }).verdict).toBe('expected');
    expect(ownerVerdict(7000, 'tcp', { processName: 'ControlCenter', services: [], pid: 500, platform: 'darwin' }).verdict).toBe('expected');
    // A Flask app on 5000 on macOS is not a warning, only "not the usual owner".
    const flask = ownerVerdict(5000, 'tcp', { processName: 'python3', services: [], pid: 501, platform: 'darwin' });
    expect(flask.verdict).toBe('unknown');
    expect(flask.reason).toContain('AirPlay');
  });

  it('accepts the web servers and Http.sys on 80/443', () => {
    expect(ownerVerdict(80, 'tcp', { processName: 'nginx', services: [], pid: 10, platform: 'linux' }).verdict).toBe('expected');
    expect(ownerVerdict(443, 'tcp', { processName: 'caddy', services: [], pid: 11, platform: 'darwin' }).verdict).toBe('expected');
    expect(ownerVerdict(80, 'tcp', { processName: 'System', services: [], pid: 4, platform: 'win32' }).verdict).toBe('expected');
  });

  it('is unknown for a port nobody owns by convention', () => {
    const v = ownerVerdict(40123, 'tcp', { processName: 'node', services: [], pid: 1, platform: 'linux' });
    expect(v.verdict).toBe('unknown');
    expect(v.reason).toContain('40123/tcp');
  });

  it('does not warn about TIME_WAIT sockets that Windows reports with pid 0', () => {
    const v = ownerVerdict(3389, 'tcp', { processName: 'System Idle Process', services: [], pid: 0, platform: 'win32' });
    expect(v.verdict).toBe('unknown');
    expect(v.reason).toContain('pid 0');
  });

  it('is unknown when the owner is hidden or a container forwarder', () => {
    expect(ownerVerdict(22, 'tcp', { processName: null, services: [], pid: null, platform: 'linux' }).verdict).toBe('unknown');
    const docker = ownerVerdict(5432, 'tcp', { processName: 'docker-proxy', services: [], pid: 77, platform: 'linux' });
    expect(docker.verdict).toBe('unknown');
    expect(docker.reason).toContain('container');
  });

  it('keeps platforms apart: 5000 has no usual owner on Linux', () => {
    expect(ownerVerdict(5000, 'tcp', { processName: 'python3', services: [], pid: 5, platform: 'linux' }).reason).toMatch(/No usual owner/);
  });

  it('normalizes image names', () => {
    expect(normalizeProcessName('C:\\Windows\\System32\\SVCHOST.EXE')).toBe('svchost');
    expect(normalizeProcessName('/usr/sbin/sshd')).toBe('sshd');
  });
});
