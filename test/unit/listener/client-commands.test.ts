import { describe, expect, it } from 'vitest';
import { clientCommands, targetAddresses } from '../../../src/main/listener/client-commands';
import type { LocalAddress } from '../../../src/shared/listener';

const local: LocalAddress[] = [
  { address: '127.0.0.1', family: 4, interface: 'lo', internal: true },
  { address: '::1', family: 6, interface: 'lo', internal: true },
  { address: '192.168.1.20', family: 4, interface: 'eth0', internal: false },
  { address: 'fe80::1', family: 6, interface: 'eth0', internal: false },
  { address: '2001:db8::20', family: 6, interface: 'eth0', internal: false },
];

describe('client commands', () => {
  it('targets the reachable addresses of an all-addresses listener, IPv4 first, no link-local', () => {
    expect(targetAddresses('::', 'dual', local)).toEqual(['192.168.1.20', '2001:db8::20']);
    expect(targetAddresses('0.0.0.0', '4', local)).toEqual(['192.168.1.20']);
  });
  it('targets the bound address itself, and falls back to loopback on a machine with no network', () => {
    expect(targetAddresses('::1', '6', local)).toEqual(['::1']);
    expect(targetAddresses('0.0.0.0', '4', local.filter((a) => a.internal))).toEqual(['127.0.0.1']);
  });
  it('fills curl, nc, Test-NetConnection, PortQry and telnet for TCP, brackets IPv6 URLs', () => {
    const commands = clientCommands(8080, 'tcp', '2001:db8::20', '6', local);
    expect(commands.map((c) => c.tool)).toEqual(['curl', 'nc', 'Test-NetConnection', 'PortQry', 'telnet']);
    expect(commands[0]?.command).toBe('curl -v -g http://[2001:db8::20]:8080/');
    expect(commands[2]?.command).toBe('Test-NetConnection -ComputerName 2001:db8::20 -Port 8080');
    expect(commands[3]?.command).toBe('PortQry.exe -n 2001:db8::20 -e 8080 -p tcp');
    expect(commands[4]?.command).toBe('telnet 2001:db8::20 8080');
  });
  it('gives the UDP variants (nc -u, PortQry -p udp) and no Test-NetConnection for UDP', () => {
    const commands = clientCommands(5353, 'udp', '192.168.1.20', '4', local);
    expect(commands.map((c) => c.command).join('\n')).toContain('nc -u -w 2 192.168.1.20 5353');
    expect(commands.map((c) => c.command).join('\n')).toContain('PortQry.exe -n 192.168.1.20 -e 5353 -p udp');
    expect(commands.some((c) => c.tool === 'Test-NetConnection')).toBe(false);
  });
  it('a listener on a scoped link-local address: %25 in the curl URL and a note about the zone', () => {
    const commands = clientCommands(8080, 'tcp', 'fe80::1%eth0', '6', local);
    expect(commands[0]?.command).toBe('curl -v -g http://[fe80::1%25eth0]:8080/');
    expect(commands[1]?.command).toBe('nc -vz fe80::1%eth0 8080');
    expect(commands[0]?.note).toContain('link-local');
  });
  it('marks loopback commands as working only on this machine', () => {
    expect(clientCommands(8080, 'tcp', '127.0.0.1', '4', local)[0]?.note).toContain('only on this machine');
  });
});
