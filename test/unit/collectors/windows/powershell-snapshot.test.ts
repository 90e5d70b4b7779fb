import { describe, expect, it } from 'vitest';
import { parsePowerShellSnapshot } from '../../../../src/main/collectors/windows/powershell-snapshot';
import { parseDmtfDate, parseWin32Processes } from '../../../../src/main/process/windows/parse-win32-process';
import { processScript } from '../../../../src/main/process/windows/index';

describe('parsePowerShellSnapshot (the collector script answer)', () => {
  const answer = JSON.stringify({
    tcp: [
      { LocalAddress: '0.0.0.0', LocalPort: 135, RemoteAddress: '0.0.0.0', RemotePort: 0, State: 2, OwningProcess: 1156, CreationTime: '2023-02-24T08:37:09.9850000Z' },
      { LocalAddress: '10.0.0.2', LocalPort: 50000, RemoteAddress: '1.2.3.4', RemotePort: 443, State: 5, OwningProcess: 9876, CreationTime: null },
    ],
    udp: { LocalAddress: '::', LocalPort: 5353, OwningProcess: 2188, CreationTime: null },
    procs: [
      { ProcessId: 1156, Name: 'svchost.exe' },
      { ProcessId: 2188, Name: 'svchost.exe' },
      { ProcessId: 9876, Name: 'Code.exe' },
    ],
    svcs: [
      { Name: 'RpcEptMapper', ProcessId: 1156 },
      { Name: 'RpcSs', ProcessId: 1156 },
      { Name: 'Dnscache', ProcessId: 2188 },
      { Name: 'Stopped', ProcessId: 0 },
    ],
  });

  it('gives rows with names, services as hints, and creation times', () => {
    const collection = parsePowerShellSnapshot(answer);
    expect(collection.unparsedLines).toBe(0);
    expect(collection.rows).toHaveLength(3);
    expect(collection.rows[0]).toMatchObject({ state: 'LISTEN', owners: [{ pid: 1156, processName: 'svchost.exe' }], socketCreated: '2023-02-24T08:37:09.985Z' });
    expect(collection.rows[2]).toMatchObject({ protocol: 'udp', state: null, family: 6 });
    expect(collection.processHints?.get(1156)?.services).toEqual(['RpcEptMapper', 'RpcSs']);
    expect(collection.processHints?.get(9876)?.services).toEqual([]);
  });

  it('never throws on garbage', () => {
    expect(parsePowerShellSnapshot('not json').unparsedLines).toBe(0);
    expect(parsePowerShellSnapshot('{"tcp": [{"LocalPort": "x"}]}').unparsedLines).toBe(1);
  });
});

describe('Win32_Process facts', () => {
  it('reads processes and services from one answer', () => {
    const facts = parseWin32Processes(
      JSON.stringify([
        { ProcessId: 1156, Name: 'svchost.exe', ExecutablePath: 'C:\\Windows\\System32\\svchost.exe', CommandLine: 'C:\\Windows\\system32\\svchost.exe -k RPCSS -p', ParentProcessId: 780, CreationDate: '2023-02-24T08:37:01.1234560Z' },
        { ProcessId: 9876, Name: 'Code.exe', ExecutablePath: null, CommandLine: null, ParentProcessId: 1, CreationDate: '20230224093709.985000+060' },
        { ServiceName: 'RpcSs', ProcessId: 1156 },
      ]),
    );
    expect(facts.get(1156)).toMatchObject({ name: 'svchost.exe', path: 'C:\\Windows\\System32\\svchost.exe', parentPid: 780, services: ['RpcSs'], started: '2023-02-24T08:37:01.123Z' });
    expect(facts.get(9876)).toMatchObject({ path: null, command: null, started: '2023-02-24T08:37:09.985Z' });
    expect(facts.get(9876)!.startKey).toBe(facts.get(9876)!.started);
  });

  it('converts DMTF dates with their offset and rejects others', () => {
    expect(parseDmtfDate('20230224093709.985000+060')).toBe('2023-02-24T08:37:09.985Z');
    expect(parseDmtfDate('20230224093709.985000-300')).toBe('2023-02-24T14:37:09.985Z');
    expect(parseDmtfDate('yesterday')).toBeNull();
  });

  it('builds a WQL filter of integer pids only', () => {
    expect(processScript([12, 34])).toContain('-Filter "ProcessId=12 OR ProcessId=34"');
  });
});
