/** Test listener and probe: shapes shared by the UI, CLI and service. Owned by the listener area. */
export type ReplyMode = { kind: 'silent' } | { kind: 'echo' } | { kind: 'http' } | { kind: 'banner'; text: string };

export interface ListenRequest {
  port: number;
  protocol: 'tcp' | 'udp';
  /** '0.0.0.0', '::', '127.0.0.1', '::1' or one of this machine's addresses. Default: all (dual-stack). */
  host?: string;
  reply: ReplyMode;
  /** Seconds until auto-stop; default 600. */
  timeoutSec?: number;
  /**
   * Windows only: add a temporary inbound firewall rule for the port (elevated; the UI asks first),
   * removed when the listener stops. Ignored elsewhere.
   */
  openFirewall?: boolean;
}

/** Default auto-stop, seconds. */
export const DEFAULT_LISTEN_TIMEOUT_SEC = 600;
/** Log entries kept per listener (oldest dropped first). */
export const LISTENER_LOG_CAP = 200;
/** Bytes of each peer's first data kept as text and hex. */
export const FIRST_BYTES_CAP = 64;

export interface ListenerLogEntry {
  /** Increasing per listener: a key for the UI and for "print what is new" in the CLI. */
  seq: number;
  time: string;
  peerAddress: string;
  peerPort: number;
  bytesIn: number;
  bytesOut: number;
  firstBytesText: string;
  firstBytesHex: string;
  /** TCP: when the connection ended (null while open). UDP datagrams: same as time. */
  endedAt: string | null;
}

export interface ListenerInfo {
  id: string;
  port: number;
  protocol: 'tcp' | 'udp';
  host: string;
  /** IPv4 only, IPv6 only, or both (a dual-stack `::` socket). */
  families: '4' | '6' | 'dual';
  reply: ReplyMode;
  startedAt: string;
  stopsAt: string;
  running: boolean;
  /** Why it stopped: 'timeout' | 'stopped' | 'error' | 'quit'; null while running. */
  stopReason: string | null;
  /** Peers seen in total (the log keeps the last LISTENER_LOG_CAP). */
  peerCount: number;
  log: ListenerLogEntry[];
  /** Copy-paste commands for the other machine (curl, nc, Test-NetConnection, PortQry, telnet). */
  clientCommands: ClientCommand[];
  /** Windows temporary firewall rule, when asked for. */
  firewall?: { ruleName: string; added: boolean; message: string } | null;
}

export interface ClientCommand {
  tool: string;
  command: string;
  /** The address the command targets (one of this machine's). */
  address?: string;
  /** e.g. "PowerShell", "Windows (PortQry download)", "works only on this machine (loopback)". */
  note?: string;
}

export type BindFailureCause = 'in-use' | 'privileged' | 'excluded-range' | 'address-not-local' | 'link-local-zone' | 'v4-v6-overlap' | 'other';

export interface BindFailure {
  /** 'in-use' | 'privileged' | 'excluded-range' | 'address-not-local' | 'link-local-zone' (fe80:: without a usable %zone) | 'v4-v6-overlap' | 'other' */
  cause: BindFailureCause | string;
  message: string;
  holder?: { pid: number | null; processName: string | null; rowId?: string } | null;
  suggestedPort: number | null;
  /** The errno Node reported (EADDRINUSE, EACCES, …). */
  errno?: string;
  /** What to do, one step per line. */
  advice?: string[];
  /** Excluded range the port falls in (Windows), with the families it is excluded for when known. */
  excludedRange?: { start: number; end: number; families?: (4 | 6)[] } | null;
  /** This machine's addresses, for 'address-not-local'. */
  localAddresses?: string[];
}

export interface ProbeRequest {
  host: string;
  port: number;
  protocol: 'tcp' | 'udp';
  timeoutMs?: number;
}

export interface ProbeOutcome {
  verdict: 'open' | 'refused' | 'filtered' | 'open|filtered' | 'error';
  message: string;
  elapsedMs: number;
  /** The address actually tried (after name resolution). */
  address?: string;
}

export interface LocalAddress {
  /** Link-local IPv6 carries its zone, as bind() needs it: `fe80::1%eth0` (Windows: `fe80::1%12`). */
  address: string;
  /** The zone of a link-local IPv6 address (interface name, or its number on Windows). */
  scope?: string;
  family: 4 | 6;
  interface: string;
  internal: boolean;
}

/** `host:port` with IPv6 in brackets: `[::1]:80`. */
export function formatEndpoint(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}
