import { describe, expect, it } from 'vitest';
import { addressKey, compareAddress } from '../../../src/renderer/src/lib/compare-address';
import { rowComparator, type SortSpec } from '../../../src/renderer/src/table/column-model';
import type { SocketRow } from '../../../src/shared/types';
import { makeRow } from './make-row';

const sortRows = <T extends { row: SocketRow }>(items: readonly T[], sorting: readonly SortSpec[]): T[] => [...items].sort(rowComparator(sorting));

const wrap = (over: Parameters<typeof makeRow>[0]) => ({ row: makeRow(over) });

describe('numeric sorting', () => {
  it('ports and pids sort as numbers, not text', () => {
    const items = [10000, 9, 80, 1000, 443].map((p) => wrap({ localPort: p }));
    expect(sortRows(items, [{ id: 'localPort', desc: false }]).map((i) => i.row.localPort)).toEqual([9, 80, 443, 1000, 10000]);
    expect(sortRows(items, [{ id: 'localPort', desc: true }]).map((i) => i.row.localPort)).toEqual([10000, 1000, 443, 80, 9]);
    const pids = [100, 20, 3, null].map((pid, i) => wrap({ pid, localPort: i + 1 }));
    expect(sortRows(pids, [{ id: 'pid', desc: false }]).map((i) => i.row.pid)).toEqual([3, 20, 100, null]);
  });

  it('addresses sort by family then numerically by octets / hextets', () => {
    const addrs = ['10.0.0.10', '::1', '10.0.0.9', '2001:db8::1', '192.168.0.1', '9.255.255.255', 'fe80::1%eth0', '::ffff:10.0.0.1', '0.0.0.0', '::'];
    const sorted = [...addrs].sort(compareAddress);
    expect(sorted).toEqual(['0.0.0.0', '9.255.255.255', '10.0.0.9', '10.0.0.10', '192.168.0.1', '::', '::1', '::ffff:10.0.0.1', '2001:db8::1', 'fe80::1%eth0']);
  });

  it('parses IPv6 forms and rejects junk', () => {
    expect(addressKey('::ffff:10.0.0.1')).toEqual([6, 0, 0, 0, 0, 0, 0xffff, 0x0a00, 0x0001]);
    expect(addressKey('[2001:db8::1]')).toEqual([6, 0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]);
    expect(addressKey('1:2:3:4:5:6:7:8')).toEqual([6, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(addressKey('1::2::3')).toBeNull();
    expect(addressKey('*')).toBeNull();
    expect(compareAddress(null, '1.2.3.4')).toBeGreaterThan(0);
  });

  it('the remote-address column puts rows without a peer last', () => {
    const items = [wrap({ remoteAddress: null, localPort: 1 }), wrap({ remoteAddress: '10.0.0.2', remotePort: 5 }), wrap({ remoteAddress: '2.0.0.1', remotePort: 5 })];
    expect(sortRows(items, [{ id: 'remoteAddress', desc: false }]).map((i) => i.row.remoteAddress)).toEqual(['2.0.0.1', '10.0.0.2', null]);
  });
});
