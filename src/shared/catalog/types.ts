/** The contract's `describe --json` shape. Owned by the catalog area. */
export type PortRange = 'well-known' | 'registered' | 'dynamic';

export interface PortMeaning {
  name: string;
  description: string;
  /** Where the knowledge comes from: "IANA", or the seed document's title. */
  source: string;
  windowsServices?: string[];
  typicalProcesses?: string[];
  product?: string;
  purpose?: string;
}

export interface PortDescription {
  port: number;
  protocol: 'tcp' | 'udp';
  range: PortRange;
  meanings: PortMeaning[];
}
