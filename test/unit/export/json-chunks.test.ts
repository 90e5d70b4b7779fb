import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../../src/shared/export/json-chunks';

const joined = (value: unknown, perChunk?: number): string => [...jsonChunks(value, perChunk)].join('');

describe('jsonChunks', () => {
  it('joins to exactly JSON.stringify for plain data, long arrays split', () => {
    const rows = Array.from({ length: 2503 }, (_, i) => ({ id: `r${i}`, port: i, remote: i % 2 ? null : '::1', owners: [{ pid: i }], note: i % 7 ? undefined : 'ü "q"' }));
    const value = { ok: true, value: { seq: 3, takenAt: '2026-12-01T00:00:00.000Z', rows, empty: [], skipped: undefined } };
    expect(joined(value, 1000)).toBe(JSON.stringify(value));
    expect([...jsonChunks(value, 1000)].filter((p) => p.includes('"id"')).length).toBe(3);
  });

  it('handles small and odd values like JSON.stringify', () => {
    for (const value of [null, 0, 'x', [], {}, [undefined, 1], { a: [1, 2, 3] }, [[1], [2]], { d: new Date(0) }]) {
      expect(joined(value, 2)).toBe(JSON.stringify(value));
    }
  });
});
