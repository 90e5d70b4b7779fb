/**
 * The macOS and Windows runners call tools that do not exist on this Linux machine; what can be checked
 * here is their argv (absolute paths, no shell) and that they report themselves unavailable.
 */
import { describe, expect, it } from 'vitest';
import { LSOF_ARGS, LSOF_PATH, NETSTAT_PATH, NETSTAT_TCP_ARGS, NETSTAT_UDP_ARGS, macosCollectors } from '../../../../src/main/collectors/macos/index';
import { psArgs, PS_PATH } from '../../../../src/main/process/macos/index';
import { windowsCollectors } from '../../../../src/main/collectors/windows/index';
import { POWERSHELL_ARGS } from '../../../../src/main/collectors/windows/powershell-session';

describe('runners', () => {
  it('call macOS tools by absolute path with argv arrays', () => {
    expect([NETSTAT_PATH, LSOF_PATH, PS_PATH]).toEqual(['/usr/sbin/netstat', '/usr/sbin/lsof', '/bin/ps']);
    expect(LSOF_ARGS).toEqual(['-nP', '-iTCP', '-iUDP', '-F', 'pcnPtTf']);
    // -l: Apple's netstat cuts IPv6 addresses to 16 characters without it
    expect(NETSTAT_TCP_ARGS).toEqual(['-anvl', '-p', 'tcp']);
    expect(NETSTAT_UDP_ARGS).toEqual(['-anvl', '-p', 'udp']);
    expect(psArgs([1, 22712])).toEqual(['-ww', '-o', 'pid=,lstart=,user=,comm=,args=', '-p', '1,22712']);
    expect(macosCollectors.map((c) => c.name)).toEqual(['netstat', 'lsof']);
  });

  it('list the Windows sources best first and read PowerShell commands from stdin', () => {
    expect(windowsCollectors.map((c) => c.name)).toEqual(['powershell', 'netstat']);
    expect(POWERSHELL_ARGS.slice(-2)).toEqual(['-Command', '-']);
  });

  it.skipIf(process.platform === 'darwin')('macOS netstat is unavailable off macOS', async () => {
    expect(await macosCollectors[0].available()).toBe(false);
  });
});
