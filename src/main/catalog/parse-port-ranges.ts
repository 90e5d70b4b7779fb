/**
 * Pure parsers for the OS's own port-range settings. Windows prints labels in the display language,
 * so the netsh parsers read only the numbers and the table shape, never the words.
 */
import type { EphemeralRange } from '../../shared/catalog/types';

export interface ExcludedPortRange {
  low: number;
  high: number;
  /** Marked `*`: added by an administrator (netsh add excludedportrange), not reserved by a service. */
  administered: boolean;
  /**
   * The address families the range is excluded for (`netsh int ipv4 …` and `netsh int ipv6 …` keep
   * separate tables). Absent: not known, treated as excluding every family.
   */
  families?: (4 | 6)[];
}

const isPort = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= 65535;

function range(low: number, high: number): EphemeralRange | null {
  return isPort(low) && isPort(high) && low <= high ? { low, high } : null;
}

/** Linux /proc/sys/net/ipv4/ip_local_port_range: "32768\t60999". */
export function parseLinuxPortRange(text: string): EphemeralRange | null {
  const match = /^\s*(\d+)\s+(\d+)\s*$/.exec(text);
  return match ? range(Number(match[1]), Number(match[2])) : null;
}

/** macOS `sysctl -n net.inet.ip.portrange.first net.inet.ip.portrange.last`: two lines, first then last. */
export function parseSysctlPortRange(text: string): EphemeralRange | null {
  const numbers = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (numbers.length !== 2 || !numbers.every((n) => /^\d+$/.test(n))) return null;
  return range(Number(numbers[0]), Number(numbers[1]));
}

/**
 * `netsh int ipv4 show dynamicport tcp` in any language: the two "label : number" lines are the start
 * port and the number of ports ("Start Port : 49152", "Number of Ports : 16384"; German "Startport",
 * "Anzahl der Ports").
 */
export function parseNetshDynamicPort(text: string): EphemeralRange | null {
  const values: number[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = /:\s*(\d+)\s*$/.exec(line);
    if (match) values.push(Number(match[1]));
  }
  if (values.length !== 2) return null;
  const [start, count] = values as [number, number];
  if (count < 1) return null;
  return range(start, start + count - 1);
}

/**
 * `netsh int ipv4 show excludedportrange protocol=tcp` in any language: rows of "start end [*]" under
 * a dashed header. Ranges reserved by Hyper-V, WSL, Docker or winnat show up here and make bind() fail
 * with "access denied" even though nobody listens.
 */
export function parseExcludedPortRanges(text: string): ExcludedPortRange[] {
  const ranges: ExcludedPortRange[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(\d+)\s+(\d+)\s*(\*)?\s*$/.exec(line);
    if (!match) continue;
    const low = Number(match[1]);
    const high = Number(match[2]);
    if (isPort(low) && isPort(high) && low <= high) ranges.push({ low, high, administered: match[3] === '*' });
  }
  return ranges;
}

/**
 * The IPv4 and IPv6 tables as one list: a range in both is listed once with families [4, 6] (and
 * administered when either table marks it so), the rest keep the family they came from. Sorted by port.
 */
export function mergeExcludedPortRanges(ipv4: readonly ExcludedPortRange[], ipv6: readonly ExcludedPortRange[]): ExcludedPortRange[] {
  const merged = new Map<string, ExcludedPortRange>();
  const add = (ranges: readonly ExcludedPortRange[], family: 4 | 6): void => {
    for (const r of ranges) {
      const key = `${r.low}-${r.high}`;
      const known = merged.get(key);
      if (!known) merged.set(key, { low: r.low, high: r.high, administered: r.administered, families: [family] });
      else {
        known.administered ||= r.administered;
        if (!known.families?.includes(family)) known.families = [...(known.families ?? []), family];
      }
    }
  };
  add(ipv4, 4);
  add(ipv6, 6);
  return [...merged.values()].sort((a, b) => a.low - b.low || a.high - b.high);
}

/**
 * The excluded range containing a port, if any. With a family, only ranges excluded for that family
 * count (a range of unknown family always does); without one (a dual-stack bind), any range.
 */
export function findExcludedRange(ranges: readonly ExcludedPortRange[], port: number, family?: 4 | 6): ExcludedPortRange | null {
  return (
    ranges.find((r) => port >= r.low && port <= r.high && (family === undefined || r.families === undefined || r.families.includes(family))) ?? null
  );
}
