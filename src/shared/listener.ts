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
}

export interface ListenerLogEntry {
  time: string;
  peerAddress: string;
  peerPort: number;
  bytesIn: number;
  bytesOut: number;
  firstBytesText: string;
  firstBytesHex: string;
}

export interface ListenerInfo {
  id: string;
  port: number;
  protocol: 'tcp' | 'udp';
  host: string;
  reply: ReplyMode;
  startedAt: string;
  stopsAt: string;
  running: boolean;
  log: ListenerLogEntry[];
  /** Copy-paste commands for the other machine (curl, nc, Test-NetConnection, PortQry, telnet). */
  clientCommands: { tool: string; command: string }[];
}

export interface BindFailure {
  /** 'in-use' | 'privileged' | 'excluded-range' | 'address-not-local' | 'v4-v6-overlap' | 'other' */
  cause: string;
  message: string;
  holder?: { pid: number | null; processName: string | null; rowId?: string } | null;
  suggestedPort: number | null;
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
}

export interface LocalAddress {
  address: string;
  family: 4 | 6;
  interface: string;
  internal: boolean;
}
