/**
 * describe(port, protocol): every meaning the catalog has, best first. Ranking: vendor meanings that
 * name Windows services (today's Windows), the developer ports, other vendor meanings (Windows 2000,
 * SMS, scanners' lists, legacy uses), IANA's registry, then ranges (RPC and dynamic ranges). The vendor index is built once on first use; each answer is memoised, so repeated
 * lookups are one Map hit.
 */
import { DEVELOPER_SOURCES, VENDOR_SOURCES } from './sources/index';
import { IANA_SOURCE, ianaEntry } from './iana';
import type { CatalogEntry, CatalogPlatform, CatalogProtocol, CatalogSource, PortDescription, PortMeaning, PortRange } from './types';

interface RankedMeaning {
  meaning: PortMeaning;
  /** 0 vendor with Windows services, 1 developer, 2 other vendor, 3 IANA, 4 range. */
  tier: number;
  rank: number;
  order: number;
}

interface RangeMeaning extends RankedMeaning {
  low: number;
  high: number;
  protocol: CatalogProtocol;
}

interface CatalogIndex {
  exact: Map<string, RankedMeaning[]>;
  ranges: RangeMeaning[];
  /** Range meanings wider than WIDEST_ROW_RANGE. */
  wide: WeakSet<PortMeaning>;
}

/** Ranges wider than this ("any UDP port from 1024", Cluster service) say nothing about one port: describe lists them, rows do not wear them. */
const WIDEST_ROW_RANGE = 32_768;

let index: CatalogIndex | null = null;
const DEVELOPER_TITLES = new Set(DEVELOPER_SOURCES.map((s) => s.title));
const memo = new Map<string, PortDescription>();

const key = (port: number, protocol: CatalogProtocol): string => `${port}/${protocol}`;

export function portRangeClass(port: number): PortRange {
  if (port <= 1023) return 'well-known';
  if (port <= 49151) return 'registered';
  return 'dynamic';
}

function toMeaning(entry: CatalogEntry, source: CatalogSource): PortMeaning {
  const meaning: PortMeaning = { name: entry.name, description: entry.description, source: source.title, product: entry.product ?? source.product };
  if (entry.windowsServices?.length) meaning.windowsServices = [...entry.windowsServices];
  if (entry.typicalProcesses?.length) meaning.typicalProcesses = [...entry.typicalProcesses];
  if (entry.purpose) meaning.purpose = entry.purpose;
  if (typeof entry.port !== 'number') meaning.portRange = `${entry.port[0]}-${entry.port[1]}`;
  return meaning;
}

function buildIndex(): CatalogIndex {
  const exact = new Map<string, RankedMeaning[]>();
  const ranges: RangeMeaning[] = [];
  const wide = new WeakSet<PortMeaning>();
  let order = 0;
  const add = (sources: readonly CatalogSource[], developer: boolean): void => {
    for (const source of sources) {
      for (const entry of source.entries) {
        const meaning = toMeaning(entry, source);
        for (const protocol of entry.protocols) {
          order += 1;
          if (typeof entry.port === 'number') {
            const tier = developer ? 1 : meaning.windowsServices && !entry.legacy ? 0 : 2;
            const list = exact.get(key(entry.port, protocol)) ?? [];
            list.push({ meaning, tier, rank: source.rank, order });
            exact.set(key(entry.port, protocol), list);
          } else {
            const [low, high] = entry.port;
            ranges.push({ meaning, tier: 4, rank: source.rank, order, low, high, protocol });
            if (high - low >= WIDEST_ROW_RANGE) wide.add(meaning);
          }
        }
      }
    }
  };
  add(VENDOR_SOURCES, false);
  add(DEVELOPER_SOURCES, true);
  return { exact, ranges, wide };
}

function catalogIndex(): CatalogIndex {
  return (index ??= buildIndex());
}

const byRank = (a: RankedMeaning, b: RankedMeaning): number => a.tier - b.tier || a.rank - b.rank || a.order - b.order;

/** Ranked meanings of one port; do not mutate the result (it is shared by later calls). */
export function describe(port: number, protocol: CatalogProtocol): PortDescription {
  const k = key(port, protocol);
  const cached = memo.get(k);
  if (cached) return cached;
  const { exact, ranges } = catalogIndex();
  const ranked: RankedMeaning[] = [...(exact.get(k) ?? [])];
  const iana = ianaEntry(port, protocol);
  if (iana) ranked.push({ meaning: { name: iana.name, description: iana.description, source: IANA_SOURCE }, tier: 3, rank: 0, order: 0 });
  for (const r of ranges) {
    if (r.protocol === protocol && port >= r.low && port <= r.high) ranked.push(r);
  }
  ranked.sort(byRank);
  const description: PortDescription = { port, protocol, range: portRangeClass(port), meanings: ranked.map((r) => r.meaning) };
  memo.set(k, description);
  return description;
}

/** True when a vendor document or the developer layer names this exact port (not only IANA or a range). */
export function hasCuratedMeaning(port: number, protocol: CatalogProtocol): boolean {
  return catalogIndex().exact.has(key(port, protocol));
}

/**
 * The best meaning of a port, or null when nobody knows it. With a platform other than Windows, a
 * developer-layer meaning (cross-platform programs) beats a Windows service meaning: 53 on Linux is
 * systemd-resolved/dnsmasq, not the Windows DNS Server service.
 */
export function bestMeaning(port: number, protocol: CatalogProtocol, platform?: CatalogPlatform): PortMeaning | null {
  const { wide } = catalogIndex();
  const meanings = describe(port, protocol).meanings.filter((m) => !wide.has(m));
  if (platform && platform !== 'win32') {
    const crossPlatform = meanings.find((m) => DEVELOPER_TITLES.has(m.source));
    if (crossPlatform && meanings[0]?.windowsServices) return crossPlatform;
  }
  return meanings[0] ?? null;
}

/** Several ports at once, as the API and the CLI take them; a port without a protocol means tcp then udp. */
export function describePorts(requests: readonly { port: number; protocol?: CatalogProtocol }[]): PortDescription[] {
  return requests.flatMap(({ port, protocol }) => (protocol ? [describe(port, protocol)] : [describe(port, 'tcp'), describe(port, 'udp')]));
}
