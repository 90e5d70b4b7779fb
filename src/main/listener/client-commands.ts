/**
 * Copy-paste commands for the other machine, filled with this machine's addresses and the port. Pure:
 * the addresses come in, so tests need no network.
 */
import type { ClientCommand, LocalAddress } from '../../shared/listener';
import { formatEndpoint } from '../../shared/listener';

const MAX_TARGETS = 3;

const isLinkLocal = (a: LocalAddress): boolean => (a.family === 6 ? /^fe80:/i.test(a.address) : a.address.startsWith('169.254.'));
const isLoopback = (address: string): boolean => address === '::1' || address.startsWith('127.');

/** Addresses another machine could use to reach a listener bound to `host`. Loopback only as a fallback. */
export function targetAddresses(host: string, families: '4' | '6' | 'dual', local: LocalAddress[]): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [host];
  const wanted = local.filter((a) => (families === 'dual' ? true : String(a.family) === families));
  const reachable = wanted.filter((a) => !a.internal && !isLinkLocal(a));
  // IPv4 first: most people test over IPv4 and it is shorter to type.
  reachable.sort((a, b) => a.family - b.family);
  const picked = reachable.slice(0, MAX_TARGETS).map((a) => a.address);
  if (picked.length > 0) return picked;
  return [families === '6' ? '::1' : '127.0.0.1'];
}

function forAddress(address: string, port: number, protocol: 'tcp' | 'udp'): ClientCommand[] {
  const note = isLoopback(address)
    ? 'loopback: works only on this machine'
    : address.includes('%')
      ? "link-local: on the other machine, put its own interface after the % (its name, or its number on Windows)"
      : undefined;
  const v6 = address.includes(':');
  const endpoint = formatEndpoint(address, port);
  // In a URL the zone's % is written %25 (RFC 6874).
  const urlEndpoint = endpoint.replace('%', '%25');
  const c = (tool: string, command: string, extra?: string): ClientCommand => ({
    tool,
    command,
    address,
    ...(note || extra ? { note: [extra, note].filter(Boolean).join('; ') } : {}),
  });
  if (protocol === 'tcp') {
    return [
      c('curl', `curl -v ${v6 ? '-g ' : ''}http://${urlEndpoint}/`),
      c('nc', `nc -vz ${address} ${port}`),
      c('Test-NetConnection', `Test-NetConnection -ComputerName ${address} -Port ${port}`, 'PowerShell'),
      c('PortQry', `PortQry.exe -n ${address} -e ${port} -p tcp`, 'Windows, PortQry from Microsoft'),
      c('telnet', `telnet ${address} ${port}`),
    ];
  }
  return [
    c('nc', `echo hello | nc -u -w 2 ${address} ${port}`),
    c(
      'PowerShell',
      `$u = New-Object System.Net.Sockets.UdpClient; $u.Connect('${address}', ${port}); [void]$u.Send([byte[]](104,105), 2); $u.Close()`,
      'PowerShell: sends "hi" (Test-NetConnection has no UDP)',
    ),
    c('PortQry', `PortQry.exe -n ${address} -e ${port} -p udp`, 'Windows, PortQry from Microsoft'),
  ];
}

export function clientCommands(
  port: number,
  protocol: 'tcp' | 'udp',
  host: string,
  families: '4' | '6' | 'dual',
  local: LocalAddress[],
): ClientCommand[] {
  return targetAddresses(host, families, local).flatMap((address) => forAddress(address, port, protocol));
}
