/**
 * The socket row: the JSON row of ../shared/CONTRACT.md plus a few extra fields.
 * Everything here is plain data so it crosses IPC, HTTP and worker boundaries unchanged.
 */
export type Protocol = 'tcp' | 'udp';
export type Family = 4 | 6;

/** Canonical TCP states (contract). UDP rows have state null. Unknown localized words are kept as text. */
export const TCP_STATES = [
  'LISTEN',
  'ESTABLISHED',
  'SYN_SENT',
  'SYN_RECEIVED',
  'FIN_WAIT_1',
  'FIN_WAIT_2',
  'CLOSE_WAIT',
  'CLOSING',
  'LAST_ACK',
  'TIME_WAIT',
  'CLOSED',
  'DELETE_TCB',
  'BOUND',
] as const;
export type TcpState = (typeof TCP_STATES)[number];

export interface SocketOwner {
  pid: number;
  processName: string | null;
}

/** A catalog meaning attached to a row (the best one for the row's service port). */
export interface RowMeaning {
  name: string;
  description: string;
  source: string;
}

/** What a collector produces: the socket facts the OS table gives, before process facts are joined. */
export interface RawSocket {
  protocol: Protocol;
  family: Family;
  localAddress: string;
  localPort: number;
  /** Zone / interface of the local address (`fe80::1%eth0` -> `eth0`, Windows `%9` -> `9`). */
  localScope: string | null;
  remoteAddress: string | null;
  remotePort: number | null;
  remoteScope: string | null;
  /** Canonical state, or the OS's own word when it could not be mapped; null for UDP. */
  state: string | null;
  /** Every process holding the socket, first one first. Empty when none/hidden. */
  owners: SocketOwner[];
  /** Numeric uid owning the socket when the source tells it (Linux). */
  uid: number | null;
  /** Why owners are empty although the socket has one (e.g. "not root: owned by uid 0"). */
  ownerHidden: string | null;
  /** Linux `*:port` listeners accept v4 and v6; `[::]:port` v6-only. null when unknown. */
  dualStack: boolean | null;
  /** Linux socket inode, when known (0/undefined otherwise). */
  inode?: number;
  /** Windows services when the source names them (`netstat -anob`, tasklist /svc join). */
  services?: string[];
  /** Process image path when the source gives it (imports). */
  processPath?: string | null;
  /** ISO creation time of the socket when the source gives it (Get-NetTCPConnection). */
  socketCreated?: string | null;
}

/** The contract's JSON row. */
export interface SocketRow extends Omit<RawSocket, 'services' | 'processPath' | 'inode'> {
  /** Stable key for diffs and the UI: protocol, both endpoints and first pid. */
  id: string;
  pid: number | null;
  processName: string | null;
  services: string[];
  user: string | null;
  processPath: string | null;
  processCommand: string | null;
  /** ISO time the owning process started (precise: Linux stat field 22, Windows CreationDate, macOS lstart). */
  processStarted: string | null;
  /** The owner's start fingerprint (ProcessFacts.startKey): kill and close pin the process shown with it. */
  processStartKey?: string | null;
  meaning: RowMeaning | null;
  /** Expected-owner verdict from the catalog, when it knows the port. */
  ownerVerdict?: OwnerVerdict | null;
}

export interface OwnerVerdict {
  verdict: 'expected' | 'unexpected' | 'unknown';
  /** e.g. "3389/tcp is normally TermService in svchost.exe" */
  reason: string;
}

export interface ProcessFacts {
  pid: number;
  name: string | null;
  path: string | null;
  command: string | null;
  user: string | null;
  /** ISO start time, precise enough to tell a reused pid apart. */
  started: string | null;
  /** Opaque start fingerprint (Linux: stat field 22 in ticks; elsewhere the start time). */
  startKey: string | null;
  services: string[];
  parentPid: number | null;
}

export interface Snapshot {
  seq: number;
  takenAt: string;
  /** Milliseconds the collection took. */
  costMs: number;
  /** Which collector produced it (e.g. "ss", "proc-net"). */
  source: string;
  rows: SocketRow[];
  /** Lines the parser could not read (they are counted, not fatal). */
  unparsedLines: number;
  /** Set when the OS hides some owners: what to do about it. */
  ownersHidden: string | null;
  /** The OS the engine runs on (Node's `process.platform`: linux, win32, darwin): what actions it offers. */
  platform?: string;
}

export interface SnapshotDiff {
  seq: number;
  /** The seq this diff applies to; a client whose seq differs must re-pull the snapshot. */
  fromSeq: number;
  takenAt: string;
  costMs: number;
  added: SocketRow[];
  changed: SocketRow[];
  removed: string[];
  ownersHidden: string | null;
  /**
   * More parts of this diff follow (same seq and fromSeq): a poll's diff of many rows goes out in parts a
   * client applies and shows one by one; only the last part (without `more`) moves the client to `seq`.
   */
  more?: true;
}
