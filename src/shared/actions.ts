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
  /** Pins `pid` (the single-pid form); with `port` it pins the owner only when there is exactly one. */
  startKey?: string | null;
  /**
   * The exact processes to end, each pinned by its fingerprint (what the confirmation showed). When given,
   * these are the roots (pid / port only label the request), and each is refused if its startKey changed.
   */
  targets?: KillTarget[];
  force?: boolean;
  tree?: boolean;
  /** Milliseconds to wait after the graceful signal before forcing. */
  graceMs?: number;
  /** false = only describe what would end (the confirmation), do nothing. */
  confirm: boolean;
  /**
   * Ask the OS for rights for this one action (pkexec / UAC / macOS administrator prompt) when ours are
   * not enough. Never implicit: the UI sets it only after the user chose "end as administrator".
   */
  elevate?: boolean;
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

/** Who keeps a process alive (and would restart it): shown in the plan and after a restart. */
export interface Supervisor {
  kind: 'systemd' | 'docker' | 'windows-service' | 'launchd' | 'parent';
  /** `nginx.service`, `docker container 3f2a9c1b2d4e`, `Windows service W3SVC`, `launchd`. */
  name: string;
  /** The better action, as argv: `systemctl stop nginx.service`, `docker stop 3f2a…`, `sc stop W3SVC`. */
  stopCommand: string[] | null;
}

export interface KillPlanEntry {
  pid: number;
  name: string | null;
  path: string | null;
  startKey: string | null;
  /** `tcp 127.0.0.1:8080 LISTEN`-style descriptions of every socket the process holds. */
  ports: string[];
  /** Every descendant pid (children, grandchildren, …). */
  children: number[];
  services: string[];
  /** 'target' = asked for (by pid or port); 'child' = included because of `tree`. */
  role?: 'target' | 'child';
  parentPid?: number | null;
  user?: string | null;
  command?: string | null;
  /** ISO start time when known. */
  started?: string | null;
  /** Set when this process must not be ended, with the reason. */
  protectedReason?: string | null;
  supervisor?: Supervisor | null;
}

export interface KillOutcome {
  result: KillResultKind;
  /** One honest sentence: "ended", "permission denied — needs administrator", "restarted by nginx.service as pid 812". */
  message: string;
  targets: KillPlanEntry[];
  restartedBy?: { supervisor: string; newPid: number } | null;
  /** How the kill runs / ran: graceful first, then force after graceMs (or force at once). */
  method?: { graceful: boolean; graceMs: number; tree: boolean };
  /** True when a process needed a force signal after its grace time. */
  forced?: boolean;
  /** pids still alive after the attempt. */
  survivors?: number[];
  /** A better action to offer instead of (or after) the kill: stop the service / unit / container. */
  offer?: Supervisor | null;
  /** This action needs rights we do not have (the UI can offer `elevate: true`). */
  needsElevation?: boolean;
}

export interface CloseRequest {
  localAddress: string;
  localPort: number;
  remoteAddress: string;
  remotePort: number;
  confirm: boolean;
  /** Ask for rights for this one close (pkexec / UAC helper). Never implicit. */
  elevate?: boolean;
}

export interface CloseOutcome {
  result: 'closed' | 'still-open' | 'permission-denied' | 'unsupported' | 'not-found' | 'planned';
  message: string;
  /** The connection as found before closing (state and owner), when it was found. */
  connection?: { state: string | null; pid: number | null; processName: string | null } | null;
  /** How it is / was closed: `ss -K …`, `SetTcpEntry (DELETE_TCB)`. */
  method?: string | null;
  needsElevation?: boolean;
}

/** A Windows service short name as SocketRow.services has them (`W3SVC`, `MSSQL$SQLEXPRESS`): no spaces or quotes, it goes into sc.exe's argv. */
export const SERVICE_NAME_PATTERN = /^[A-Za-z0-9_.$@+-]{1,256}$/;

/** Stop a Windows service (`sc stop`) instead of killing the process that hosts it. */
export interface StopServiceRequest {
  /** The service's short name (`W3SVC`, `MSSQL$SQLEXPRESS`), as in SocketRow.services. */
  name: string;
  /** false = only describe what would stop (its state, pid and the services that depend on it). */
  confirm: boolean;
  /** Ask for administrator rights (UAC) for this one stop. Never implicit. */
  elevate?: boolean;
}

export interface StopServiceOutcome {
  result: 'stopped' | 'already-stopped' | 'still-running' | 'permission-denied' | 'refused-protected' | 'not-found' | 'failed' | 'planned';
  message: string;
  service: string;
  /** The service's state before (and, after acting, after) the stop: `RUNNING`, `STOPPED`, `STOP_PENDING`, … */
  state?: string | null;
  /** The pid hosting the service before the stop, when it was running. */
  pid?: number | null;
  /** How it is / was stopped: `sc.exe stop W3SVC`. */
  method?: string | null;
  needsElevation?: boolean;
}

export interface AuditEntry {
  time: string;
  action: string;
  target: string;
  result: string;
}

/** Why Close is not offered on macOS: the UI's reason and the close action's answer. */
export const MAC_CLOSE_REASON = 'macOS offers no way to close another process’s TCP connection: end the owning process instead (Kill).';
