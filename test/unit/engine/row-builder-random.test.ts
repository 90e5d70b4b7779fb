/**
 * The remembering RowBuilder against a one-off build, over random sequences of tables: every build must give
 * exactly the rows `buildRows` gives for the same input (ids, `#n` numbering, order, every field), its diff
 * report must equal a diff by id, and what it remembers must stay bounded by the table. The churn covers what
 * the collectors and the engine do between builds: sockets closing and coming back, identical tuples, one raw
 * object twice in one input, owners and the hidden-owner note changed in place, facts, hints and user names
 * changing, forced rebuilds, and builds that throw half-way.
 */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../helpers/seeded-random';
import { buildRows, RowBuilder, type RowFacts } from '../../../src/main/engine/build-rows';
import { diffBuiltRows, diffRows, indexRows, type RowsDiff } from '../../../src/main/engine/diff-rows';
import type { ProcessFacts, RawSocket, SocketOwner } from '../../../src/shared/types';
import { raw } from './fake-sources';

const PIDS = [1, 2, 3, 4];
const factsOf = (pid: number, version: number): ProcessFacts => ({
  pid, name: `p${pid}v${version}`, path: `/bin/p${pid}`, command: null, user: version % 3 ? `u${version}` : 'root', started: null,
  startKey: String(version), services: version % 4 ? [] : [`svc${version}`], parentPid: 1,
});

/** A facts map whose lookups fail after `after` of them: a build that throws half-way. */
function failingAfter(source: Map<number, ProcessFacts>, after: number): Map<number, ProcessFacts> {
  const failing = new Map(source);
  let lookups = 0;
  failing.get = (pid) => {
    if (++lookups > after) throw new Error('facts source broke');
    return source.get(pid);
  };
  return failing;
}

const canonical = (d: RowsDiff) => ({ added: d.added.map((r) => r.id).sort(), changed: d.changed.map((r) => r.id).sort(), removed: [...d.removed].sort() });

/** Runs one random sequence; counts the builds that reused rows and those that threw (both paths must really run). */
function runSequence(seed: number, steps: number, maxTable: number): { reusing: number; throws: number } {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const lists = new Map<number, SocketOwner[]>(PIDS.map((pid) => [pid, [{ pid, processName: next() < 0.5 ? null : `n${pid}` }]]));
  const facts = new Map(PIDS.filter(() => next() < 0.8).map((pid) => [pid, factsOf(pid, 0)]));
  let hints: Map<number, Partial<ProcessFacts>> | undefined;
  let userNames: Map<number, string> | undefined;
  const owners = (): SocketOwner[] => {
    const x = next();
    if (x < 0.1) return [];
    if (x < 0.2) return [{ pid: pick(PIDS), processName: null }, { pid: pick(PIDS), processName: null }];
    return lists.get(pick(PIDS))!;
  };
  // few ports and addresses: identical tuples (ids with #2, #3) are frequent
  const socket = (): RawSocket => {
    const remote = next() < 0.4;
    return raw({
      protocol: next() < 0.7 ? 'tcp' : 'udp', localAddress: pick(['127.0.0.1', '0.0.0.0']), localPort: 1 + Math.floor(next() * 4),
      remoteAddress: remote ? pick(['10.0.0.1', '10.0.0.2']) : null, remotePort: remote ? 80 : null, owners: owners(), uid: Math.floor(next() * 3),
      ...(next() < 0.1 ? { services: ['s'] } : {}),
    });
  };
  const builder = new RowBuilder();
  // the counters of repeated tuples, read to check they stay bounded by the table
  const remembered = builder as unknown as { idCounts: Map<string, unknown> };
  let table: RawSocket[] = [];
  let closed: RawSocket[] = [];
  let last: { rows: ReturnType<typeof buildRows>; build: number } | null = null;
  let reusing = 0;
  let throws = 0;
  for (let step = 0; step < steps; step++) {
    const kept: RawSocket[] = [];
    for (const s of table) (next() < 0.15 ? closed : kept).push(s); // some close, and may come back later
    for (let i = Math.floor(next() * 3); i > 0 && closed.length; i--) kept.splice(Math.floor(next() * (kept.length + 1)), 0, closed.splice(Math.floor(next() * closed.length), 1)[0]!);
    closed = closed.filter((s) => !kept.includes(s)).slice(-30);
    while (kept.length < maxTable && next() < 0.7) kept.splice(Math.floor(next() * (kept.length + 1)), 0, socket());
    table = kept.slice(0, maxTable).map((s) => (next() < 0.08 ? { ...s, state: s.state === 'LISTEN' ? 'CLOSE_WAIT' : 'LISTEN' } : s));
    for (const s of table) {
      const x = next();
      if (x < 0.06) s.owners = owners(); // in place, as LiveOwners.attach does
      else if (x < 0.09) s.ownerHidden = s.ownerHidden ? null : 'hidden'; // in place, as markHiddenOwners does
    }
    if (next() < 0.2) lists.set(pick(PIDS), [{ pid: pick(PIDS), processName: `m${Math.floor(next() * 9)}` }]);
    if (next() < 0.25) {
      const pid = pick(PIDS);
      if (next() < 0.2) facts.delete(pid);
      else facts.set(pid, factsOf(pid, Math.floor(next() * 1000)));
    }
    if (next() < 0.1) hints = next() < 0.3 ? undefined : new Map([[pick(PIDS), { name: `h${Math.floor(next() * 5)}`, services: next() < 0.5 ? ['hs'] : undefined }]]);
    if (next() < 0.1) userNames = next() < 0.3 ? undefined : new Map([[Math.floor(next() * 3), `un${Math.floor(next() * 3)}`]]);
    const input = [...table];
    if (input.length && next() < 0.3) input.splice(Math.floor(next() * (input.length + 1)), 0, pick(input)); // one raw object twice
    const rebuilt = new Set(input.filter(() => next() < 0.1));
    const join: RowFacts = { facts: new Map(facts), hints, userNames, rebuild: rebuilt.size ? (s) => rebuilt.has(s) : undefined };
    if (input.length > 1 && next() < 0.05) {
      try {
        builder.build(input, { ...join, facts: failingAfter(facts, Math.floor(next() * input.length)) }); // may end before its lookups run out
      } catch {
        throws++;
      }
      last = null; // the next build follows this one, not `last`
    }
    const built = builder.build(input, join);
    const once = buildRows(input, join);
    if (!isDeepStrictEqual(built.rows, once)) expect(built.rows, `seed ${seed}, step ${step}`).toStrictEqual(once);
    const baseIds = new Set(built.rows.map((r) => r.id.replace(/#\d+$/, '')));
    if (remembered.idCounts.size !== baseIds.size) expect(remembered.idCounts.size, `seed ${seed}, step ${step}: counters`).toBe(baseIds.size);
    if (last && built.build === last.build + 1) {
      const index = indexRows(last.rows);
      const got = canonical(diffBuiltRows(index, built.fresh, built.dropped));
      const want = canonical(diffRows(indexRows(last.rows), indexRows(built.rows)));
      if (!isDeepStrictEqual(got, want)) expect(got, `seed ${seed}, step ${step}: diff`).toEqual(want);
    }
    if (built.fresh.length < built.rows.length) reusing++;
    last = { rows: built.rows, build: built.build };
  }
  return { reusing, throws };
}

describe('RowBuilder against a one-off build, over random tables', () => {
  it('gives the same rows, ids and order, the same diff, and remembers no more than the table', () => {
    const runs = [];
    for (let seed = 1; seed <= 150; seed++) runs.push(runSequence(seed, 40, 4 + (seed % 25)));
    for (let seed = 1; seed <= 2; seed++) runs.push(runSequence(1000 + seed, 1500, 25)); // long: counters stay bounded
    expect(runs.reduce((n, r) => n + r.reusing, 0)).toBeGreaterThan(3000); // the reuse path ran, not only fresh builds
    expect(runs.reduce((n, r) => n + r.throws, 0)).toBeGreaterThan(50); // and builds that failed half-way
  });
});
