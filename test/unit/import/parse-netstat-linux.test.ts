import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLinuxEndpoint, parseNetstatLinux } from '../../../src/main/collectors/linux/parse-netstat-linux';

const text = readFileSync(new URL('../../fixtures/import/netstat-tunap.txt', import.meta.url), 'utf8');

describe('parseNetstatLinux (netstat -tunap)', () => {
  const { rows, unparsed } = parseNetstatLinux(text);
  it('reads tcp/tcp6/udp/udp6 rows with owners whose names contain spaces', () => {
    expect(unparsed).toEqual([]);
    expect(rows).toHaveLength(9);
    expect(rows[1]).toMatchObject({ localAddress: '0.0.0.0', localPort: 22, state: 'LISTEN', remoteAddress: null, owners: [{ pid: 900, processName: 'sshd: /usr/sbin' }] });
    expect(rows[2].owners).toEqual([{ pid: 4242, processName: 'sshd: alice [p' }]);
    expect(rows[4]).toMatchObject({ family: 6, localAddress: '::', localPort: 22 });
    expect(rows[5]).toMatchObject({ localAddress: '::1', localPort: 631 });
  });
  it('gives UDP state null (also connected UDP) and TIME_WAIT no owner without a hidden-owner note', () => {
    expect(rows.filter((r) => r.protocol === 'udp').every((r) => r.state === null)).toBe(true);
    expect(rows[7]).toMatchObject({ remoteAddress: '10.0.0.1', remotePort: 67, owners: [{ pid: 700 }] });
    expect(rows[3]).toMatchObject({ state: 'TIME_WAIT', owners: [], ownerHidden: null });
  });
  it('reads endpoints', () => {
    expect(parseLinuxEndpoint('fe80::1%eth0:546')).toEqual({ address: 'fe80::1', port: 546, scope: 'eth0' });
    expect(parseLinuxEndpoint(':::*')).toEqual({ address: '::', port: null, scope: null });
    expect(parseLinuxEndpoint('nope')).toBeNull();
  });
});
