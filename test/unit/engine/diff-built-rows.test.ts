import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../helpers/seeded-random';
import { buildRows, RowBuilder } from '../../../src/main/engine/build-rows';
import { diffBuiltRows, diffRows, indexRows, type RowsDiff } from '../../../src/main/engine/diff-rows';
import { createEngine } from '../../../src/main/engine/engine';
import type { PushEvent } from '../../../src/shared/api';
import type { ProcessFacts, RawSocket, SnapshotDiff } from '../../../src/shared/types';
import { fakeProvider, keepingCollector, raw } from './fake-sources';

const facts = (pid: number, version: number): ProcessFacts => ({
  pid, name: `p${pid}v${version}`, path: null, command: null, user: 'root', started: null, startKey: String(version), services: [], parentPid: 1,
});

/** Order-free view of a diff. */
const canonical = (d: RowsDiff): { added: string[]; changed: string[]; removed: string[] } => ({
  added: d.added.map((r) => r.id).sort(),
  changed: d.changed.map((r) => r.id).sort(),
  removed: [...d.removed].sort(),
});

/** A table that changes like a busy machine: sockets close and open, states move, duplicate tuples, a process restarts. */
function churner(seed: number) {
  const next = seededRandom(seed);
  const owners = new Map([1, 2, 3].map((pid) => [pid, [{ pid, processName: null }]]));
  let sockets: RawSocket[] = [];
  const socket = (): RawSocket => {
    const pid = 1 + Math.floor(next() * 3);
    // few ports: identical tuples (ids with #2, #3) happen often
    return raw({ localPort: 1 + Math.floor(next() * 12), state: next() < 0.5 ? 'LISTEN' : 'ESTABLISHED', owners: owners.get(pid)! });
  };
  const factsByPid = new Map([1, 2, 3].map((pid) => [pid, facts(pid, 0)]));
  return {
    step(): { sockets: RawSocket[]; facts: Map<number, ProcessFacts> } {
      sockets = sockets.filter(() => next() > 0.15); // closed
      sockets = sockets.map((s) => (next() < 0.1 ? { ...s, state: s.state === 'LISTEN' ? 'CLOSE_WAIT' : 'LISTEN' } : s)); // changed: a new object
      for (let i = Math.floor(next() * 8); i > 0; i--) sockets.splice(Math.floor(next() * (sockets.length + 1)), 0, socket());
      if (next() < 0.2) {
        const pid = 1 + Math.floor(next() * 3);
        factsByPid.set(pid, facts(pid, Math.floor(next() * 1000))); // restarted: its rows rebuild
      }
      return { sockets: [...sockets], facts: new Map(factsByPid) };
    },
  };
}

describe('diffBuiltRows', () => {
  it('gives the same diff as comparing both tables by id, and keeps the index equal to the new table', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const table = churner(seed);
      const builder = new RowBuilder();
      let before = builder.build(table.step().sockets, { facts: new Map() });
      const index = indexRows(before.rows);
      let nonEmpty = 0;
      for (let step = 0; step < 60; step++) {
        const { sockets, facts: f } = table.step();
        const after = builder.build(sockets, { facts: f });
        const expected = diffRows(indexRows(before.rows), indexRows(after.rows));
        expect(canonical(diffBuiltRows(index, after.fresh, after.dropped))).toEqual(canonical(expected));
        expect([...index.keys()].sort()).toEqual(after.rows.map((r) => r.id).sort());
        expect(after.rows.every((r) => index.get(r.id) === r)).toBe(true);
        if (expected.added.length + expected.changed.length + expected.removed.length > 0) nonEmpty++;
        before = after;
      }
      expect(nonEmpty).toBeGreaterThan(30); // the churn really changed the table
    }
  });
});

describe('RowBuilder order across builds', () => {
  it('keeps the rows in the order a one-off build gives: kept rows keep their place, fresh ones are merged in', () => {
    for (const seed of [11, 12, 13]) {
      const table = churner(seed);
      const builder = new RowBuilder();
      let reusedSome = false;
      for (let step = 0; step < 60; step++) {
        const { sockets, facts: f } = table.step();
        const built = builder.build(sockets, { facts: f });
        const oneOff = new RowBuilder().build(sockets, { facts: f });
        expect(built.rows.map((r) => r.id)).toEqual(oneOff.rows.map((r) => r.id));
        expect(buildRows(sockets, { facts: f })).toStrictEqual(oneOff.rows); // the one-shot build makes the same rows
        expect(new Set(built.rows.map((r) => r.id)).size).toBe(built.rows.length); // ids are unique: the order is total
        if (built.fresh.length < built.rows.length) reusedSome = true;
      }
      expect(reusedSome).toBe(true); // the merge path ran, not only full sorts
    }
  });
});

describe('engine diffs with the builder report', () => {
  it('stay right when a snapshot() builds between two polls', async () => {
    let sockets: RawSocket[] = [raw({ localPort: 1 }), raw({ localPort: 2 })];
    const collector = keepingCollector(() => sockets);
    const events: PushEvent[] = [];
    const engine = createEngine({ intervalMs: 0, emit: (e) => events.push(e), collectors: [collector], processProvider: fakeProvider });
    const diffs = (): SnapshotDiff[] => events.flatMap((e) => (e.type === 'diff' ? [e.diff] : []));
    await engine.current();
    sockets = [sockets[1]!, raw({ localPort: 3 })];
    await engine.current();
    expect(diffs()[0]).toMatchObject({ removed: ['tcp|127.0.0.1|1|*|*|10'] });
    sockets = [sockets[0]!];
    await engine.snapshot(); // the builder's previous build is now this one, not the last poll
    sockets = [sockets[0]!, raw({ localPort: 4 })];
    await engine.current();
    // since the last poll (ports 2, 3): 3 went away (during the snapshot), 4 came
    expect(diffs()[1]!.removed).toEqual(['tcp|127.0.0.1|3|*|*|10']);
    expect(diffs()[1]!.added.map((r) => r.localPort)).toEqual([4]);
    expect(diffs()[1]!.changed).toEqual([]);
    engine.stop();
  });
});
