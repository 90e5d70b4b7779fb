import { describe, expect, it } from 'vitest';
import { rowsToHtml } from '../../../src/shared/export/rows-html';
import { rowsToJson } from '../../../src/shared/export/rows-json';
import { makeRow } from './make-row';

describe('exports', () => {
  const rows = [makeRow({ localPort: 8080, processName: '<script>x&y</script>' }), makeRow({ localPort: 22, processName: 'sshd' })];
  it('JSON is the contract array', () => {
    const parsed = JSON.parse(rowsToJson(rows)) as { localPort: number; processName: string }[];
    expect(parsed.map((r) => r.localPort)).toEqual([8080, 22]);
    expect(parsed[0].processName).toBe('<script>x&y</script>');
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
