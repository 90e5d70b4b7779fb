import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLsofF } from '../../../../src/main/collectors/macos/parse-lsof';

const text = (name: string): string => readFileSync(new URL(`../../../fixtures/macos/${name}`, import.meta.url), 'utf8');

describe('parseLsofF', () => {
  for (const name of ['lsof-F-pcnPtTf.txt', 'lsof-F-pcnPtT.txt']) {
    it(`reads ${name}`, () => {
      const { rows, unparsed } = parseLsofF(text(name));
      expect(unparsed).toEqual([]);
      expect(rows).toHaveLength(5); // unbound *:* skipped, the shared nginx socket merged
      expect(rows[0]).toMatchObject({ protocol: 'tcp', family: 6, localAddress: '::1', localPort: 631, state: 'LISTEN', owners: [{ pid: 412, processName: 'cupsd' }] });
      expect(rows[1]).toMatchObject({ family: 4, localAddress: '127.0.0.1', localPort: 631 });
      expect(rows[2]).toMatchObject({
        state: 'ESTABLISHED',
        remoteAddress: '108.177.127.109',
        remotePort: 993,
        owners: [{ pid: 22712, processName: 'Autodesk Fusion' }],
      });
      expect(rows[3]).toMatchObject({ protocol: 'udp', state: null, localAddress: 'fe80::aede:48ff:fe00:1122', localScope: 'en0', localPort: 5353 });
      expect(rows[4]).toMatchObject({ localAddress: '0.0.0.0', localPort: 8080 });
      expect(rows[4].owners).toEqual([
        { pid: 9001, processName: 'nginx' },
        { pid: 9002, processName: 'nginx' },
      ]);
    });
  }

  it('reads -F0 NUL-terminated fields', () => {
    const { rows } = parseLsofF('p7\0cnode\0\nf3\0tIPv4\0PTCP\0n127.0.0.1:3000\0TST=LISTEN\0\n');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ localPort: 3000, owners: [{ pid: 7, processName: 'node' }] });
  });

  it('counts unreadable names and never throws on junk', () => {
    const { rows, unparsed } = parseLsofF('p1\ncx\nf1\ntIPv4\nPTCP\nnnot-an-endpoint\n');
    expect(rows).toEqual([]);
    expect(unparsed).toHaveLength(1);
    expect(() => parseLsofF('\u0000\u0001ÿ random ->\n[::\n')).not.toThrow();
  });
});
