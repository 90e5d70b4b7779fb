import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  findExcludedRange,
  mergeExcludedPortRanges,
  parseExcludedPortRanges,
  parseLinuxPortRange,
  parseNetshDynamicPort,
  parseSysctlPortRange,
} from '../../../src/main/catalog/parse-port-ranges';
import { decodeToolOutput } from '../../../src/main/catalog/decode-tool-output';

const fixture = (name: string): string => decodeToolOutput(readFileSync(new URL(`../../fixtures/catalog/${name}`, import.meta.url)));

describe('ephemeral range parsers', () => {
  it('reads Linux ip_local_port_range', () => {
    expect(parseLinuxPortRange(fixture('ip_local_port_range.txt'))).toEqual({ low: 32768, high: 60999 });
    expect(parseLinuxPortRange('60999 32768')).toBeNull();
    expect(parseLinuxPortRange('garbage')).toBeNull();
  });

  it('reads macOS sysctl first/last', () => {
    expect(parseSysctlPortRange(fixture('sysctl-portrange.txt'))).toEqual({ low: 49152, high: 65535 });
    expect(parseSysctlPortRange('49152\n')).toBeNull();
    expect(parseSysctlPortRange('sysctl: unknown oid\n')).toBeNull();
  });

  it('reads netsh dynamicport in English (start + count - 1)', () => {
    expect(parseNetshDynamicPort(fixture('netsh-dynamicport-tcp-en.txt'))).toEqual({ low: 49152, high: 65535 });
  });

  it('reads netsh dynamicport in German (a legacy 1025-5000 range)', () => {
    expect(parseNetshDynamicPort(fixture('netsh-dynamicport-tcp-de.txt'))).toEqual({ low: 1025, high: 5000 });
  });

  it('reads UTF-16 output and rejects output without the two numbers', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fixture('netsh-dynamicport-tcp-en.txt'), 'utf16le')]);
    expect(parseNetshDynamicPort(decodeToolOutput(utf16))).toEqual({ low: 49152, high: 65535 });
    expect(parseNetshDynamicPort('The requested operation requires elevation.\r\n')).toBeNull();
    expect(parseNetshDynamicPort('Start Port : 65000\r\nNumber of Ports : 16384\r\n')).toBeNull(); // past 65535
  });
});

describe('parseExcludedPortRanges', () => {
  it('reads the English table, with administered (*) ranges', () => {
    const ranges = parseExcludedPortRanges(fixture('netsh-excludedportrange-tcp-en.txt'));
    expect(ranges).toEqual([
      { low: 1080, high: 1080, administered: false },
      { low: 5357, high: 5357, administered: false },
      { low: 49685, high: 49784, administered: false },
      { low: 50000, high: 50059, administered: true },
      { low: 63005, high: 63104, administered: false },
    ]);
    expect(findExcludedRange(ranges, 49700)).toEqual({ low: 49685, high: 49784, administered: false });
    expect(findExcludedRange(ranges, 49800)).toBeNull();
  });

  it('reads the German table in its OEM code page', () => {
    expect(parseExcludedPortRanges(fixture('netsh-excludedportrange-tcp-de.txt'))).toEqual([
      { low: 2869, high: 2869, administered: false },
      { low: 50000, high: 50059, administered: true },
    ]);
  });

  it('returns nothing for an empty table', () => {
    expect(parseExcludedPortRanges(fixture('netsh-excludedportrange-tcp-empty.txt'))).toEqual([]);
  });
});

describe('mergeExcludedPortRanges', () => {
  it('merges the IPv4 and IPv6 tables, tagging each range with its families', () => {
    const merged = mergeExcludedPortRanges(
      parseExcludedPortRanges(fixture('netsh-excludedportrange-tcp-en.txt')),
      parseExcludedPortRanges(fixture('netsh-excludedportrange-ipv6-tcp-en.txt')),
    );
    expect(merged).toEqual([
      { low: 1080, high: 1080, administered: false, families: [4] },
      { low: 5357, high: 5357, administered: false, families: [4, 6] },
      { low: 49685, high: 49784, administered: false, families: [4, 6] },
      { low: 50000, high: 50059, administered: true, families: [4, 6] },
      { low: 51000, high: 51099, administered: false, families: [6] },
      { low: 63005, high: 63104, administered: false, families: [4] },
    ]);
    expect(findExcludedRange(merged, 51050, 6)).toEqual({ low: 51000, high: 51099, administered: false, families: [6] });
    expect(findExcludedRange(merged, 51050, 4)).toBeNull();
    expect(findExcludedRange(merged, 51050)).not.toBeNull(); // dual-stack: any family
    expect(findExcludedRange(merged, 1080, 6)).toBeNull();
  });

  it('a range of unknown family (parser output) counts for every family', () => {
    expect(findExcludedRange([{ low: 10, high: 20, administered: false }], 15, 6)).not.toBeNull();
  });
});
