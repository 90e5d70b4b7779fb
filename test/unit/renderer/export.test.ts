import { describe, expect, it } from 'vitest';
import { rowsToHtml } from '../../../src/shared/export/rows-html';
import { rowsJsonChunks, rowsToJson } from '../../../src/shared/export/rows-json';
import { makeRow } from './make-row';

describe('exports', () => {
  const rows = [makeRow({ localPort: 8080, processName: '<script>x&y</script>' }), makeRow({ localPort: 22, processName: 'sshd' })];
  it('JSON is the contract array', () => {
    const parsed = JSON.parse(rowsToJson(rows)) as { localPort: number; processName: string }[];
    expect(parsed.map((r) => r.localPort)).toEqual([8080, 22]);
    expect(parsed[0].processName).toBe('<script>x&y</script>');
  });
  it('JSON in pieces joins to exactly one JSON.stringify in either style, at every piece boundary', () => {
    for (const count of [0, 1, 3, 4, 7]) {
      const many = Array.from({ length: count }, (_, i) => makeRow({ localPort: 1000 + i, processName: i % 2 ? 'a"b\\c' : 'ünïcode' }));
      const indented = `${JSON.stringify(many, null, 2)}\n`;
      const compact = `${JSON.stringify(many)}\n`;
      expect([...rowsJsonChunks(many, 'indented', 3)].join('')).toBe(indented);
      expect([...rowsJsonChunks(many, 'compact', 3)].join('')).toBe(compact);
      expect(rowsToJson(many)).toBe(indented);
      expect(rowsToJson(many, 'compact')).toBe(compact);
    }
    expect([...rowsJsonChunks(Array.from({ length: 7 }, () => makeRow()), 'compact', 3)]).toHaveLength(3);
  });
  it('HTML escapes every value and has one row per socket', () => {
    const html = rowsToHtml(rows, undefined, { title: 'T & <b>' });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;x&amp;y&lt;/script&gt;');
    expect(html).toContain('<title>T &amp; &lt;b&gt;</title>');
    expect(html.match(/<tr><td>/g)).toHaveLength(2);
    expect(html).toContain('<td>0.0.0.0:22</td>');
    expect(html).toContain('2 rows');
  });
});
