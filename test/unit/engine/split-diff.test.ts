import { describe, expect, it } from 'vitest';
import { createEngine, DIFF_PART_ROWS } from '../../../src/main/engine/engine';
import { splitDiff, type RowsDiff } from '../../../src/main/engine/diff-rows';
import type { PushEvent } from '../../../src/shared/api';
import type { SnapshotDiff, SocketRow } from '../../../src/shared/types';
import { fakeCollector, fakeProvider, raw } from './fake-sources';
import { makeRow } from '../renderer/make-row';

/** `diffs` applied in order to `rows` by id, as a client does. */
function applyAll(rows: readonly SocketRow[], diffs: readonly Pick<SnapshotDiff, 'added' | 'changed' | 'removed'>[]): Map<string, SocketRow> {
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const diff of diffs) {
    for (const id of diff.removed) byId.delete(id);
    for (const row of [...diff.added, ...diff.changed]) byId.set(row.id, row);
  }
  return byId;
}

describe('splitDiff', () => {
  const row = (port: number): SocketRow => makeRow({ localPort: port });
  const diff: RowsDiff = {
    removed: Array.from({ length: 5 }, (_, i) => `gone-${i}`),
    added: Array.from({ length: 7 }, (_, i) => row(1000 + i)),
    changed: Array.from({ length: 4 }, (_, i) => row(2000 + i)),
  };

  it('keeps a small diff whole', () => {
    expect(splitDiff(diff, 16)).toEqual([diff]);
    expect(splitDiff({ added: [], changed: [], removed: [] }, 2)).toHaveLength(1); // an empty diff still goes out
  });

  it('cuts a large one into parts of at most maxRows that together hold each change once, in order', () => {
    for (const max of [1, 3, 5, 15]) {
      const parts = splitDiff(diff, max);
      expect(parts).toHaveLength(Math.ceil(16 / max));
      for (const part of parts) expect(part.added.length + part.changed.length + part.removed.length).toBeLessThanOrEqual(max);
      expect(parts.flatMap((p) => p.removed)).toEqual(diff.removed);
      expect(parts.flatMap((p) => p.added)).toEqual(diff.added);
      expect(parts.flatMap((p) => p.changed)).toEqual(diff.changed);
    }
  });
});

describe('engine: a large diff goes out in parts', () => {
  it('parts of at most DIFF_PART_ROWS with the poll\'s seq, `more` on all but the last; in order they make the new table', async () => {
    const source = fakeCollector();
    const events: PushEvent[] = [];
    const engine = createEngine({ intervalMs: 0, emit: (e) => events.push(e), collectors: [source], processProvider: fakeProvider });
    const many = (from: number, count: number, state = 'ESTABLISHED') =>
      Array.from({ length: count }, (_, i) => raw({ localPort: 1 + ((from + i) % 60000), remoteAddress: '127.0.0.2', remotePort: 1 + Math.floor((from + i) / 60000), state }));
    source.rows = many(0, 3000);
    const first = await engine.current();
    // 1000 gone, 500 changed (state), 2500 new
    source.rows = [...many(1000, 1500), ...many(2500, 500, 'CLOSE_WAIT'), ...many(10_000, DIFF_PART_ROWS + 500)];
    const second = await engine.current();
    const diffs = events.flatMap((e) => (e.type === 'diff' ? [e.diff] : []));
    expect(diffs.length).toBe(Math.ceil((1000 + 500 + DIFF_PART_ROWS + 500) / DIFF_PART_ROWS));
    for (const [i, diff] of diffs.entries()) {
      expect(diff).toMatchObject({ fromSeq: first.seq, seq: first.seq + 1, takenAt: second.takenAt });
      expect(diff.more).toBe(i < diffs.length - 1 ? true : undefined);
      expect(diff.added.length + diff.changed.length + diff.removed.length).toBeLessThanOrEqual(DIFF_PART_ROWS);
    }
    const sum = (key: 'added' | 'changed' | 'removed') => diffs.reduce((n, d) => n + d[key].length, 0);
    expect([sum('removed'), sum('changed'), sum('added')]).toEqual([1000, 500, DIFF_PART_ROWS + 500]);
    expect(second.seq).toBe(first.seq + 1);
    const byId = (rows: readonly SocketRow[]) => new Map(rows.map((row) => [row.id, row]));
    expect(applyAll(first.rows, diffs)).toEqual(byId(second.rows));
    engine.stop();
  });
});
