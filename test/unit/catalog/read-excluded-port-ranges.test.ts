/** readExcludedPortRanges with a fake netsh: both families are read, merged, and one failing is tolerated. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readExcludedPortRanges, type NetshRunner } from '../../../src/main/catalog/read-port-ranges';
import { decodeToolOutput } from '../../../src/main/catalog/decode-tool-output';
import { err, ok } from '../../../src/shared/result';

const fixture = (name: string): string => decodeToolOutput(readFileSync(new URL(`../../fixtures/catalog/${name}`, import.meta.url)));

/** netsh answering from fixtures: key `ipv4 tcp` etc.; a missing key fails like netsh would. */
function fakeNetsh(outputs: Record<string, string>): { netsh: NetshRunner; calls: string[] } {
  const calls: string[] = [];
  const netsh: NetshRunner = async (args) => {
    calls.push(args.join(' '));
    const key = `${args[1]} ${String(args[4]).replace('protocol=', '')}`;
    const text = outputs[key];
    return text === undefined ? err('FAILED', `netsh ${args.join(' ')} failed: The parameter is incorrect.`) : ok(text);
  };
  return { netsh, calls };
}

describe('readExcludedPortRanges (Windows, fake netsh)', () => {
  it('reads netsh int ipv4 and ipv6 show excludedportrange and merges them', async () => {
    const { netsh, calls } = fakeNetsh({
      'ipv4 tcp': fixture('netsh-excludedportrange-tcp-en.txt'),
      'ipv6 tcp': fixture('netsh-excludedportrange-ipv6-tcp-en.txt'),
    });
    const result = await readExcludedPortRanges('tcp', { platform: 'win32', netsh });
    expect(calls).toEqual(['int ipv4 show excludedportrange protocol=tcp', 'int ipv6 show excludedportrange protocol=tcp']);
    expect(result.ok).toBe(true);
    const ranges = result.ok ? result.value : [];
    expect(ranges.find((r) => r.low === 51000)).toEqual({ low: 51000, high: 51099, administered: false, families: [6] });
    expect(ranges.find((r) => r.low === 49685)?.families).toEqual([4, 6]);
    expect(ranges.find((r) => r.low === 1080)?.families).toEqual([4]);
    expect(ranges).toHaveLength(6);
  });

  it('UDP: reads both families for udp', async () => {
    const { netsh, calls } = fakeNetsh({
      'ipv4 udp': fixture('netsh-excludedportrange-tcp-empty.txt'),
      'ipv6 udp': fixture('netsh-excludedportrange-ipv6-udp-en.txt'),
    });
    expect(await readExcludedPortRanges('udp', { platform: 'win32', netsh })).toEqual({
      ok: true,
      value: [{ low: 52000, high: 52049, administered: false, families: [6] }],
    });
    expect(calls).toEqual(['int ipv4 show excludedportrange protocol=udp', 'int ipv6 show excludedportrange protocol=udp']);
  });

  it('keeps the IPv4 table when the IPv6 one cannot be read; fails only when neither can', async () => {
    const v4only = fakeNetsh({ 'ipv4 tcp': fixture('netsh-excludedportrange-tcp-en.txt') });
    const result = await readExcludedPortRanges('tcp', { platform: 'win32', netsh: v4only.netsh });
    expect(result.ok && result.value.every((r) => r.families?.join() === '4')).toBe(true);
    const none = await readExcludedPortRanges('tcp', { platform: 'win32', netsh: fakeNetsh({}).netsh });
    expect(none).toMatchObject({ ok: false, code: 'FAILED' });
  });

  it('is Windows only', async () => {
    expect(await readExcludedPortRanges('tcp', { platform: 'linux', netsh: fakeNetsh({}).netsh })).toMatchObject({ ok: false, code: 'UNSUPPORTED' });
  });
});
