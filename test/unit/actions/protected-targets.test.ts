import { describe, expect, it } from 'vitest';
import { protectedReason, type ProtectionContext } from '../../../src/main/actions/protected-targets';

const linux: ProtectionContext = { platform: 'linux', selfPid: 5000, selfAncestors: [4999, 4000, 1] };
const win: ProtectionContext = { platform: 'win32', selfPid: 5000, selfAncestors: [4999] };
const subject = (pid: number, name: string | null, services: string[] = []) => ({ pid, name, services });

describe('protectedReason', () => {
  it.each([0, 1, 4])('refuses pid %i on every OS', (pid) => {
    expect(protectedReason(subject(pid, 'x'), linux)).toMatch(new RegExp(`pid ${pid}`));
  });
  it('refuses PortScope itself and its parent chain (the shell)', () => {
    expect(protectedReason(subject(5000, 'node'), linux)).toMatch(/PortScope itself/);
    expect(protectedReason(subject(4999, 'bash'), linux)).toMatch(/bash.*started PortScope/);
  });
  it('refuses systemd and Windows critical processes by name', () => {
    expect(protectedReason(subject(812, 'systemd'), linux)).toMatch(/critical/);
    for (const name of ['csrss.exe', 'LSASS.EXE', 'wininit.exe', 'winlogon.exe', 'services.exe', 'smss.exe', 'System']) {
      expect(protectedReason(subject(900, name), win)).toMatch(/critical/);
    }
  });
  it('refuses svchost only when it hosts RpcSs or DcomLaunch', () => {
    expect(protectedReason(subject(1340, 'svchost.exe', ['RpcEptMapper', 'RpcSs']), win)).toMatch(/RpcSs/);
    expect(protectedReason(subject(1341, 'svchost.exe', ['DcomLaunch', 'PlugPlay']), win)).toMatch(/DcomLaunch/);
    expect(protectedReason(subject(1342, 'svchost.exe', ['TermService']), win)).toBeNull();
  });
  it('allows an ordinary process', () => {
    expect(protectedReason(subject(812, 'nginx'), linux)).toBeNull();
    expect(protectedReason(subject(812, 'launchd'), linux)).toBeNull();
    expect(protectedReason(subject(812, 'launchd'), { ...linux, platform: 'darwin' })).toMatch(/critical/);
  });
});
