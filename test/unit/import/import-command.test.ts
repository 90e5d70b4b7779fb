import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/index';
import { memoryIo } from '../../helpers/cli-io';

const fixture = (path: string): string => fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url));

describe('portscope import', () => {
  it('prints JSON rows of a netstat capture joined with tasklist', async () => {
    const io = memoryIo();
    const code = await runCli(['import', fixture('windows/netstat-anob-en.txt'), fixture('windows/tasklist-svc.csv'), '--json'], io);
    expect(code).toBe(0);
    const rows = JSON.parse(io.stdout()) as { localPort: number; processName: string; services: string[]; meaning: unknown; ownerVerdict: unknown }[];
    const rpc = rows.find((r) => r.localPort === 135)!;
    // Annotated with the capture's OS (Windows): the vendor meaning and the expected-owner verdict.
    expect(rpc).toMatchObject({ processName: 'svchost.exe', meaning: { name: 'RPC Endpoint Mapper' }, ownerVerdict: { verdict: 'expected' } });
    expect([...rpc.services].sort()).toEqual(['RpcEptMapper', 'RpcSs']); // -b names RpcSs, tasklist adds the rest
    expect(io.stderr()).toBe('');
  });

  it('reads standard input with -', async () => {
    const io = memoryIo(readFileSync(fixture('macos/netstat-anv-26.txt')));
    expect(await runCli(['import', '-', '--csv'], io)).toBe(0);
    expect(io.stdout().split('\n')[0]).toMatch(/,/);
    expect(io.stdout()).toContain('Autodesk Fusion');
  });

  it('prints an aligned table by default', async () => {
    const io = memoryIo();
    expect(await runCli(['import', fixture('import/netstat-tunap.txt')], io)).toBe(0);
    expect(io.stdout()).toMatch(/^PROCESS\s+PID\s+PROTO/);
    expect(io.stdout()).toContain('sshd: /usr/sbin');
  });

  it('counts unreadable lines on stderr while --json stays valid', async () => {
    const text = readFileSync(fixture('windows/netstat-ano-en.txt'), 'utf8') + '  TCP    999.1:99999    x\r\n  UDP    broken\r\n';
    const io = memoryIo(Buffer.from(text));
    expect(await runCli(['import', '-', '--json'], io)).toBe(0);
    expect(() => JSON.parse(io.stdout())).not.toThrow();
    expect(io.stderr()).toBe('portscope: skipped 2 lines that could not be read in standard input\n');
  });

  it('says "1 line" for one skipped line', async () => {
    const text = readFileSync(fixture('windows/netstat-ano-en.txt'), 'utf8') + '  UDP    broken\r\n';
    const io = memoryIo(Buffer.from(text));
    expect(await runCli(['import', '-', '--json'], io)).toBe(0);
    expect(io.stderr()).toBe('portscope: skipped 1 line that could not be read in standard input\n');
  });

  it('exits 1 with a "no sockets found" note when a forced netstat format finds no rows', async () => {
    for (const [format, capture] of [
      ['netstat-windows', 'import/ss-tunap.txt'],
      ['netstat-linux', 'windows/tasklist-svc.csv'],
      ['netstat-macos', 'windows/netstat-ano-en.txt'],
    ] as const) {
      const io = memoryIo();
      const file = fixture(capture);
      expect(await runCli(['import', file, '--format', format, '--json'], io)).toBe(1);
      expect(JSON.parse(io.stdout())).toEqual([]);
      const note = io.stderr().split('\n').find((l) => l.includes('no sockets found'));
      expect(note).toBeDefined();
      expect(note!.startsWith(`portscope: no sockets found in ${file} (format ${format}): `)).toBe(true);
      expect(note).toMatch(/drop --format/);
    }
    const windowsText = memoryIo(Buffer.from('Active Connections\r\n\r\n  Proto  Local Address          Foreign Address        State           PID\r\n'));
    expect(await runCli(['import', '-', '--format', 'netstat-windows'], windowsText)).toBe(1);
    expect(windowsText.stderr()).toMatch(/^portscope: no sockets found in standard input \(format netstat-windows\): .*netstat -ano/);
  });

  it('exits 2 for a missing file', async () => {
    const io = memoryIo();
    expect(await runCli(['import', '/nonexistent/capture.txt'], io)).toBe(2);
    expect(io.stderr()).toMatch(/^portscope: cannot read \/nonexistent\/capture\.txt: no such file/);
  });

  it('exits 2 for an unknown format, naming the formats and --format', async () => {
    const io = memoryIo(Buffer.from('Dear diary,\ntoday nothing listened.\n'));
    expect(await runCli(['import', '-'], io)).toBe(2);
    expect(io.stderr()).toMatch(/^portscope: cannot tell the format of standard input: give --format with one of netstat-windows, get-nettcpconnection, tasklist, ss, netstat-linux, proc-net, lsof, netstat-macos/);
    const forced = memoryIo();
    expect(await runCli(['import', fixture('import/ss-tunap.txt'), '--format', 'pcap'], forced)).toBe(2);
    expect(forced.stderr()).toMatch(/unknown format "pcap"/);
    const json = memoryIo(Buffer.from('Dear diary,\ntoday nothing listened.\n'));
    expect(await runCli(['import', '-', '--json'], json)).toBe(2);
    expect(JSON.parse(json.stdout())).toEqual([]); // --json output stays valid JSON
  });

  it('exits 2 without a file, 1 when the captures hold no socket', async () => {
    const none = memoryIo();
    expect(await runCli(['import'], none)).toBe(2);
    const tasklistOnly = memoryIo();
    expect(await runCli(['import', fixture('windows/tasklist-svc.csv'), '--json'], tasklistOnly)).toBe(1);
    expect(JSON.parse(tasklistOnly.stdout())).toEqual([]);
    expect(tasklistOnly.stderr()).toMatch(/holds no sockets/);
  });
});
