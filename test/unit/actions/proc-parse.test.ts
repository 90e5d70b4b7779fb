import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCgroup, parsePsTable, parseWindowsProcessLines, procStatState } from '../../../src/main/actions/proc-parse';
import { ancestors, descendants } from '../../../src/main/actions/process-tree';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/actions/${name}`, import.meta.url), 'utf8');

describe('parseCgroup', () => {
  it('finds the systemd unit of a system service (cgroup v2)', () => {
    expect(parseCgroup(fixture('cgroup-v2-nginx.txt'))).toEqual({ systemdUnit: 'nginx.service', dockerContainer: null });
  });
  it('finds a docker container with the systemd driver (docker-<id>.scope)', () => {
    expect(parseCgroup(fixture('cgroup-v2-docker.txt')).dockerContainer).toMatch(/^3f2a9c1b2d4e[0-9a-f]{52}$/);
  });
  it('finds a docker container with the cgroupfs driver (/docker/<id>, v1)', () => {
    expect(parseCgroup(fixture('cgroup-v1-docker.txt')).dockerContainer?.slice(0, 12)).toBe('3f2a9c1b2d4e');
  });
  it('does not call a desktop session unit a supervisor', () => {
    expect(parseCgroup(fixture('cgroup-v2-user-session.txt'))).toEqual({ systemdUnit: null, dockerContainer: null });
  });
});

describe('procStatState', () => {
  it('reads the state after the last parenthesis, even with ") Z (" inside the comm', () => {
    expect(procStatState('42 (evil) Z (x) S 1 42 42 0 -1')).toBe('S');
    expect(procStatState('43 (node) Z 1 43 43 0 -1')).toBe('Z');
  });
});

describe('process tables', () => {
  it('parses macOS ps output and walks children and ancestors', () => {
    const table = parsePsTable(fixture('ps-macos.txt'));
    expect(table.find((e) => e.pid === 900)?.name).toBe('My App');
    expect(descendants(table, 812)).toEqual([813, 900]);
    expect(ancestors(table, 900)).toEqual([813, 812, 1]);
  });
  it('skips a Windows "child" older than its parent (its parent pid was reused)', () => {
    const table = parseWindowsProcessLines(fixture('win-process-lines.txt'));
    expect(table).toHaveLength(5);
    expect(descendants(table, 1000)).toEqual([1100]);
  });
  it('survives parent loops', () => {
    const table = [
      { pid: 10, ppid: 11, name: 'a', startKey: null },
      { pid: 11, ppid: 10, name: 'b', startKey: null },
    ];
    expect(descendants(table, 10)).toEqual([11]);
    expect(ancestors(table, 10)).toEqual([11]);
  });
});
