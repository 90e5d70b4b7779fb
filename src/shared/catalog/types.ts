/** The contract's `describe --json` shape, plus the catalog's own data types. Owned by the catalog area. */
export type PortRange = 'well-known' | 'registered' | 'dynamic';
export type CatalogProtocol = 'tcp' | 'udp';
export type CatalogPlatform = 'win32' | 'linux' | 'darwin';

export interface PortMeaning {
  name: string;
  description: string;
  /** Where the knowledge comes from: "IANA", or the seed document's title. */
  source: string;
  windowsServices?: string[];
  typicalProcesses?: string[];
  product?: string;
  purpose?: string;
  /** Set when the meaning covers a port range (e.g. "49152-65535") rather than this port alone. */
  portRange?: string;
}

export interface PortDescription {
  port: number;
  protocol: CatalogProtocol;
  range: PortRange;
  meanings: PortMeaning[];
}

/** One line of a hand-written vendor/developer data file. */
export interface CatalogEntry {
  /** A single port, or an inclusive range [low, high]. */
  port: number | readonly [number, number];
  protocols: readonly CatalogProtocol[];
  /** Short service name, e.g. "Remote Desktop (Terminal Services)". */
  name: string;
  /** What it is, in the document's words. */
  description: string;
  /** Windows system service short names (TermService, RpcSs, W32Time, …) when the document gives them. */
  windowsServices?: readonly string[];
  /** Programs that usually hold the port (developer layer). */
  typicalProcesses?: readonly string[];
  /** Overrides the source's product (e.g. a Windows 2000 row about Exchange). */
  product?: string;
  /** Why the port is used, when the document says (client notification, remote control, …). */
  purpose?: string;
  /** A use from old Windows versions only (e.g. SSDP on 5000 before XP SP2): ranked after today's uses. */
  legacy?: boolean;
}

/** One source document (or layer) of the catalog. */
export interface CatalogSource {
  /** The document's title; becomes `source` of every meaning. */
  title: string;
  /** Product the document is about (Windows Server, SMS 2003, …). */
  product: string;
  /** Lower ranks first when several sources know a port. */
  rank: number;
  entries: readonly CatalogEntry[];
}

/** Who normally holds a port: processes (image names, case-insensitive, `.exe` optional) and/or Windows services. */
export interface OwnerExpectation {
  port: number;
  protocols: readonly CatalogProtocol[];
  platforms: readonly CatalogPlatform[];
  processes: readonly string[];
  /** Windows services; when set and the owner is a service host (svchost.exe), one of them must be hosted. */
  services?: readonly string[];
  /** Owned by the kernel (Windows "System", pid 4). */
  systemPid4?: boolean;
  /**
   * true: any other owner is "unexpected" (system ports such as 3389, 445, 22).
   * false: a conventional port (5432, 6379): another owner is only "unknown".
   */
  strict: boolean;
  /** Human label for reasons, e.g. "Remote Desktop". */
  label: string;
}

export interface EphemeralRange {
  low: number;
  high: number;
}

export interface CatalogContext {
  platform: CatalogPlatform;
  ephemeralRange: EphemeralRange | null;
}

export interface OwnerFacts {
  processName: string | null;
  services: readonly string[];
  pid: number | null;
  platform: CatalogPlatform;
}
