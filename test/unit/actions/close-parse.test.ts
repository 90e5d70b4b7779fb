import { describe, expect, it } from 'vitest';
import { encodePowerShell, mibPort, normalizeAddress, parseSsConnection, setTcpEntryScript, ssTupleFilter } from '../../../src/main/actions/close-parse';
import { elevatedCommand, shellQuote } from '../../../src/main/actions/elevation';

describe('close helpers', () => {
  it('normalizes addresses and rejects names', () => {
    expect(normalizeAddress('[fe80::1%eth0]')).toEqual({ address: 'fe80::1', family: 6 });
    expect(normalizeAddress('127.0.0.1')).toEqual({ address: '127.0.0.1', family: 4 });
    expect(normalizeAddress('localhost')).toBeNull();
  });
  it('builds the exact ss four-tuple filter, IPv6 in brackets', () => {
    expect(ssTupleFilter({ localAddress: '127.0.0.1', localPort: 39090, remoteAddress: '127.0.0.1', remotePort: 8080 })).toEqual(
      ['src', '127.0.0.1', 'sport', '=', ':39090', 'dst', '127.0.0.1', 'dport', '=', ':8080'],
    );
    expect(ssTupleFilter({ localAddress: '::1', localPort: 1, remoteAddress: '::1', remotePort: 2 })[1]).toBe('[::1]');
  });
  it('reads the state and owner of an ss line', () => {
    expect(parseSsConnection('ESTAB 0 0 127.0.0.1:39090 127.0.0.1:43777 users:(("node",pid=4242,fd=20))\n')).toEqual({ state: 'ESTAB', pid: 4242, processName: 'node' });
    expect(parseSsConnection('\n')).toBeNull();
  });
  it('writes ports in network byte order for MIB_TCPROW', () => {
    expect(mibPort(80)).toBe(0x5000);
    expect(mibPort(0x1f90)).toBe(0x901f);
  });
  it('embeds only validated IPv4 literals in the SetTcpEntry helper', () => {
    const script = setTcpEntryScript({ localAddress: '10.0.0.5', localPort: 50000, remoteAddress: '10.0.0.9', remotePort: 443 });
    expect(script).toContain("Close('10.0.0.5', 20675, '10.0.0.9', 47873)");
    expect(script).toContain('dwState = 12');
    expect(() => setTcpEntryScript({ localAddress: "1.2.3.4'; rm", localPort: 1, remoteAddress: '1.1.1.1', remotePort: 1 })).toThrow();
    expect(Buffer.from(encodePowerShell('exit 0'), 'base64').toString('utf16le')).toBe('exit 0');
  });
});

describe('elevation', () => {
  it('asks pkexec on Linux, osascript on macOS, UAC (RunAs) on Windows — for one command only', () => {
    expect(elevatedCommand('linux', '/usr/bin/ss', ['-K', 'src', '127.0.0.1'])).toEqual({ tool: 'pkexec', args: ['/usr/bin/ss', '-K', 'src', '127.0.0.1'] });
    const mac = elevatedCommand('darwin', '/bin/kill', ['-TERM', '812']);
    expect(mac.args[1]).toBe('do shell script "/bin/kill -TERM 812" with administrator privileges');
    const win = elevatedCommand('win32', 'taskkill.exe', ['/F', '/PID', "8'12"]);
    expect(win.args.at(-1)).toContain("-ArgumentList '/F','/PID','8''12' -Verb RunAs");
  });
  it('quotes shell arguments', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('-TERM')).toBe('-TERM');
  });
});
