/** Kill and close: the shapes the UI, the CLI and the service agree on. Owned by the actions area. */
export interface KillTarget {
  pid: number;
  /** Fingerprint seen by the caller (ProcessFacts.startKey); the kill is refused if it no longer matches. */
  startKey?: string | null;
}

export interface KillRequest {
  pid?: number;
  port?: number;
  protocol?: 'tcp' | 'udp';
  startKey?: string | null;
  force?: boolean;
  tree?: boolean;
  /** Milliseconds to wait after the graceful signal before forcing. */
  graceMs?: number;
  /** false = only describe what would end (the confirmation), do nothing. */
  confirm: boolean;
}

export type KillResultKind =
  | 'ended'
  | 'still-running'
  | 'permission-denied'
  | 'refused-protected'
  | 'refused-stale'
  | 'restarted'
  | 'not-found'
  | 'planned';

export interface KillPlanEntry {
  pid: number;
  name: string | null;
  path: string | null;
  startKey: string | null;
  ports: string[];
  children: number[];
  services: string[];
}

export interface KillOutcome {
  result: KillResultKind;
  /** One honest sentence: "ended", "permission denied — needs administrator", "restarted by nginx.service as pid 812". */
  message: string;
  targets: KillPlanEntry[];
  restartedBy?: { supervisor: string; newPid: number } | null;
}

export interface CloseRequest {
  localAddress: string;
  localPort: number;
  remoteAddress: string;
  remotePort: number;
  confirm: boolean;
}

export interface CloseOutcome {
  result: 'closed' | 'still-open' | 'permission-denied' | 'unsupported' | 'not-found' | 'planned';
  message: string;
}

export interface AuditEntry {
  time: string;
  action: string;
  target: string;
  result: string;
}
