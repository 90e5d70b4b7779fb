import { describe, expect, it } from 'vitest';
import { buildRows, RowBuilder, rowId } from '../../../src/main/engine/build-rows';
import { diffRows, indexRows } from '../../../src/main/engine/diff-rows';
import type { ProcessFacts } from '../../../src/shared/types';
import { raw } from './fake-sources';

const facts = new Map<number, ProcessFacts>([
  [10, { pid: 10, name: 'nginx', path: '/usr/sbin/nginx', command: 'nginx -g x', user: 'www-data', started: '2026-01-01T00:00:00.000Z', startKey: '5', services: [], parentPid: 1 }],
]);

describe('buildRows', () => {
  it('joins process facts into contract rows with a stable id', () => {
    const [row] = buildRows([raw({ owners: [{ pid: 10, processName: 'ngin' }, { pid: 11, processName: 'nginx' }] })], { facts });
    expect(row).toMatchObject({
      id: 'tcp|127.0.0.1|8080|*|*|10', pid: 10, processName: 'nginx', user: 'www-data', processPath: '/usr/sbin/nginx',
      processCommand: 'nginx -g x', processStarted: '2026-01-01T00:00:00.000Z', meaning: null, services: [],
    });
    expect(row!.owners).toEqual([{ pid: 10, processName: 'nginx' }, { pid: 11, processName: 'nginx' }]);
  });

  it('names hidden-owner rows by uid and keeps the reason', () => {
    const [row] = buildRows([raw({ owners: [], uid: 0, ownerHidden: 'owned by uid 0 (root)' })], { facts, userNames: new Map([[0, 'root']]) });
    expect(row).toMatchObject({ pid: null, processName: null, user: 'root', ownerHidden: 'owned by uid 0 (root)', id: 'tcp|127.0.0.1|8080|*|*|-' });
  });

  it('tells identical tuples apart and sorts by protocol and port', () => {
    const rows = buildRows(
      [raw({ protocol: 'udp', localPort: 53, state: null }), raw({ localPort: 9000 }), raw({ localPort: 9000 }), raw({ localPort: 22 }), raw({ localPort: 9000 })],
      { facts },
    );
    expect(rows.map((r) => r.id)).toEqual([
      'tcp|127.0.0.1|22|*|*|10', 'tcp|127.0.0.1|9000|*|*|10', 'tcp|127.0.0.1|9000|*|*|10#2', 'tcp|127.0.0.1|9000|*|*|10#3', 'udp|127.0.0.1|53|*|*|10',
    ]);
    expect(rowId(raw({ localAddress: 'fe80::1', localScope: 'eth0', remoteAddress: 'fe80::2', remotePort: 22 }), null)).toBe('tcp|fe80::1%eth0|8080|fe80::2|22|-');
  });
});

describe('buildRows (once, nothing kept for a next build)', () => {
  it('makes the same rows, ids and order as a remembering builder\'s first build', () => {
    const shared = [{ pid: 10, processName: null }];
    const raws = [
      raw({ localPort: 9000, owners: shared }),
      raw({ protocol: 'udp', localPort: 53, state: null, owners: [] , uid: 0, ownerHidden: 'hidden' }),
      raw({ localPort: 9000, owners: shared }),
      raw({ localPort: 443, remoteAddress: '10.0.0.2', remotePort: 5000, owners: [{ pid: 11, processName: 'curl' }], services: ['Svc'] }),
      raw({ localPort: 9000, owners: [{ pid: 10, processName: null }, { pid: 12, processName: 'child' }] }),
      raw({ localAddress: 'fe80::1', localScope: 'eth0', family: 6, localPort: 22 }),
      raw({ localPort: 3389, socketCreated: '2026-01-01T00:00:00.000Z' }),
    ];
    const join = { facts, hints: new Map([[11, { name: 'curl.exe', services: ['Other'] }]]), userNames: new Map([[0, 'root']]) };
    const once = buildRows(raws, join);
    expect(once).toStrictEqual(new RowBuilder().build(raws, join).rows);
    expect(once.map((r) => r.id)).toContain('tcp|127.0.0.1|9000|*|*|10#3');
  });
});

describe('RowBuilder across polls', () => {
  it('reuses the row of an unchanged raw socket object and builds only what changed', () => {
    const builder = new RowBuilder();
    const a = raw({ localPort: 1 });
    const b = raw({ localPort: 2 });
    const first = builder.build([a, b], { facts });
    expect(first.fresh).toHaveLength(2);
    const c = raw({ localPort: 3 });
    const second = builder.build([a, b, c], { facts });
    expect(second.rows[0]).toBe(first.rows[0]);
    expect(second.rows[1]).toBe(first.rows[1]);
    expect(second.fresh.map((r) => r.localPort)).toEqual([3]);
  });

  it('builds again when the owners, the hidden-owner note or the process facts changed', () => {
    const builder = new RowBuilder();
    const a = raw({ localPort: 1 });
    const [before] = builder.build([a], { facts }).rows;
    a.owners = [{ pid: 10, processName: null }];
    const [newOwners] = builder.build([a], { facts }).rows;
    expect(newOwners).not.toBe(before);
    a.ownerHidden = 'hidden';
    const [hidden] = builder.build([a], { facts }).rows;
    expect(hidden).not.toBe(newOwners);
    const restarted = new Map(facts);
    restarted.set(10, { ...facts.get(10)!, startKey: '6', started: '2026-02-02T00:00:00.000Z' });
    const [newFacts] = builder.build([a], { facts: restarted }).rows;
    expect(newFacts).not.toBe(hidden);
    expect(newFacts!.processStarted).toBe('2026-02-02T00:00:00.000Z');
  });

  it("builds again when a later owner's name comes from a hint that changed (a review found it kept the old name)", () => {
    const builder = new RowBuilder();
    const a = raw({ localPort: 1, owners: [{ pid: 10, processName: null }, { pid: 12, processName: null }] });
    const [before] = builder.build([a], { facts, hints: new Map([[12, { name: 'old.exe' }]]) }).rows;
    expect(before!.owners[1]!.processName).toBe('old.exe');
    const [after] = builder.build([a], { facts, hints: new Map([[12, { name: 'new.exe' }]]) }).rows;
    expect(after!.owners[1]!.processName).toBe('new.exe');
  });

  it('gives a reused socket object the id of its new owner (found later, or a child that kept it)', () => {
    const builder = new RowBuilder();
    const a = raw({ localPort: 1, owners: [] });
    expect(builder.build([a], { facts }).rows[0]!.id).toBe('tcp|127.0.0.1|1|*|*|-');
    a.owners = [{ pid: 10, processName: null }];
    expect(builder.build([a], { facts }).rows[0]!.id).toBe(rowId(a, 10));
    a.owners = [{ pid: 11, processName: null }];
    expect(builder.build([a], { facts }).rows[0]!.id).toBe('tcp|127.0.0.1|1|*|*|11');
  });

  it('numbers identical tuples per build: when the first of two leaves, the second becomes the plain id', () => {
    const builder = new RowBuilder();
    const first = raw({ localPort: 9 });
    const second = raw({ localPort: 9 });
    expect(builder.build([first, second], { facts }).rows.map((r) => r.id)).toEqual(['tcp|127.0.0.1|9|*|*|10', 'tcp|127.0.0.1|9|*|*|10#2']);
    expect(builder.build([second], { facts }).rows.map((r) => r.id)).toEqual(['tcp|127.0.0.1|9|*|*|10']);
    const third = raw({ localPort: 9 });
    expect(builder.build([third, second], { facts }).rows.map((r) => r.id)).toEqual(['tcp|127.0.0.1|9|*|*|10', 'tcp|127.0.0.1|9|*|*|10#2']);
    expect(builder.build([third, second], { facts }).fresh).toEqual([]); // numbered alike again: both reused
  });

  it('keeps ids of identical tuples apart when one object is reused', () => {
    const builder = new RowBuilder();
    const a = raw({ localPort: 9 });
    builder.build([a], { facts });
    const twin = raw({ localPort: 9 });
    expect(builder.build([twin, a], { facts }).rows.map((r) => r.id)).toEqual(['tcp|127.0.0.1|9|*|*|10', 'tcp|127.0.0.1|9|*|*|10#2']);
  });
});

describe('RowBuilder after a failed build', () => {
  it('starts over instead of losing rows its half-updated bookkeeping would hide', () => {
    const builder = new RowBuilder();
    const a = raw({ localPort: 1 });
    const b = raw({ localPort: 2 });
    builder.build([a, b], { facts });
    // a is reused and d built before c's facts lookup throws
    const d = raw({ localPort: 4 });
    const c = raw({ localPort: 3, owners: [{ pid: 99, processName: 'x' }] });
    const failing = new Map(facts);
    failing.get = (pid) => {
      if (pid === 99) throw new Error('facts source broke');
      return facts.get(pid);
    };
    expect(() => builder.build([a, d, c], { facts: failing })).toThrow('facts source broke');
    const after = builder.build([a, b, c, d], { facts });
    expect(after.rows.map((r) => r.localPort)).toEqual([1, 2, 3, 4]);
  });
});

describe('diffRows', () => {
  it('finds added, removed and changed rows', () => {
    const before = indexRows(buildRows([raw({ localPort: 1 }), raw({ localPort: 2 }), raw({ localPort: 3, state: 'ESTABLISHED', remoteAddress: '1.1.1.1', remotePort: 9 })], { facts }));
    const after = indexRows(buildRows([raw({ localPort: 2 }), raw({ localPort: 3, state: 'CLOSE_WAIT', remoteAddress: '1.1.1.1', remotePort: 9 }), raw({ localPort: 4 })], { facts }));
    const diff = diffRows(before, after);
    expect(diff.added.map((r) => r.localPort)).toEqual([4]);
    expect(diff.removed).toEqual(['tcp|127.0.0.1|1|*|*|10']);
    expect(diff.changed.map((r) => [r.localPort, r.state])).toEqual([[3, 'CLOSE_WAIT']]);
    expect(diffRows(after, after)).toEqual({ added: [], changed: [], removed: [] });
  });
});
