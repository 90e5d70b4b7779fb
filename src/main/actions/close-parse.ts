/** Pure pieces of "close one TCP connection": address checks, the exact ss filter, the ss line, the Windows helper. */
import { isIP } from 'node:net';

export interface FourTuple {
  localAddress: string;
  localPort: number;
  remoteAddress: string;
  remotePort: number;
}

/** Strip brackets and a zone (`[fe80::1%eth0]` -> `fe80::1`); null when it is not an IP literal. */
export function normalizeAddress(text: string): { address: string; family: 4 | 6 } | null {
  const bare = text.trim().replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  const family = isIP(bare);
  return family === 4 || family === 6 ? { address: bare, family } : null;
}

const ssHost = (address: string, family: 4 | 6): string => (family === 6 ? `[${address}]` : address);

/**
 * The exact four-tuple as an ss filter: `src A sport = :P dst B dport = :Q` (terms are ANDed).
 * Addresses must already be normalized IP literals.
 */
export function ssTupleFilter(t: FourTuple): string[] {
  const fam = (a: string): 4 | 6 => (a.includes(':') ? 6 : 4);
  return [
    'src', ssHost(t.localAddress, fam(t.localAddress)),
    'sport', '=', `:${t.localPort}`,
    'dst', ssHost(t.remoteAddress, fam(t.remoteAddress)),
    'dport', '=', `:${t.remotePort}`,
  ];
}

export interface SsConnection {
  state: string;
  pid: number | null;
  processName: string | null;
}

/** First connection line of `ss -tnpH <filter>`: `ESTAB 0 0 127.0.0.1:39090 127.0.0.1:43777 users:(("node",pid=12,fd=20))`. */
export function parseSsConnection(text: string): SsConnection | null {
  const line = text.split('\n').find((l) => l.trim() !== '');
  if (!line) return null;
  const state = line.trim().split(/\s+/)[0] ?? '';
  const owner = /users:\(\("((?:[^"\\]|\\.)*)",pid=(\d+)/.exec(line);
  return { state, pid: owner ? Number(owner[2]) : null, processName: owner ? (owner[1] ?? null) : null };
}

/** Windows MIB_TCPROW ports: network byte order in the low 16 bits of a DWORD. */
export function mibPort(port: number): number {
  return ((port & 0xff) << 8) | ((port >> 8) & 0xff);
}

/**
 * PowerShell that calls iphlpapi!SetTcpEntry with state 12 (DELETE_TCB) for one IPv4 connection and
 * exits with its return code (0 = closed; 5 or 317 = not elevated). Addresses must be validated IPv4 literals.
 */
export function setTcpEntryScript(t: FourTuple): string {
  for (const a of [t.localAddress, t.remoteAddress]) if (isIP(a) !== 4) throw new Error(`not an IPv4 address: ${a}`);
  return `$ErrorActionPreference = 'Stop'
Add-Type -TypeDefinition @'
using System;
using System.Net;
using System.Runtime.InteropServices;
public static class PortScopeTcp {
  [StructLayout(LayoutKind.Sequential)]
  public struct MIB_TCPROW { public uint dwState; public uint dwLocalAddr; public uint dwLocalPort; public uint dwRemoteAddr; public uint dwRemotePort; }
  [DllImport("iphlpapi.dll")]
  public static extern uint SetTcpEntry(ref MIB_TCPROW row);
  public static uint Close(string la, uint lp, string ra, uint rp) {
    MIB_TCPROW row = new MIB_TCPROW();
    row.dwState = 12;
    row.dwLocalAddr = BitConverter.ToUInt32(IPAddress.Parse(la).GetAddressBytes(), 0);
    row.dwLocalPort = lp;
    row.dwRemoteAddr = BitConverter.ToUInt32(IPAddress.Parse(ra).GetAddressBytes(), 0);
    row.dwRemotePort = rp;
    return SetTcpEntry(ref row);
  }
}
'@
exit [int][PortScopeTcp]::Close('${t.localAddress}', ${mibPort(t.localPort)}, '${t.remoteAddress}', ${mibPort(t.remotePort)})`;
}

/** PowerShell's -EncodedCommand wants UTF-16LE base64: no quoting problems through Start-Process. */
export function encodePowerShell(script: string): string {
  return Buffer.from(script, 'utf16le').toString('base64');
}
