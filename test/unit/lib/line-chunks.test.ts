import { describe, expect, it } from 'vitest';
import { LineChunks } from '../../../src/main/lib/line-chunks';
import { seededRandom } from '../../helpers/seeded-random';

/** `bytes` cut at `cuts`, pushed chunk by chunk: every text it returns, and what end() leaves. */
function throughChunks(chunks: LineChunks, bytes: Buffer, cuts: number[]): { texts: string[]; last: string } {
  const texts: string[] = [];
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    texts.push(chunks.push(bytes.subarray(from, cut)));
    from = cut;
  }
  return { texts, last: chunks.end() };
}

describe('LineChunks', () => {
  // Multi-byte characters of 2, 3 and 4 bytes, a blank line, CRLF, and a last line without a newline.
  const text = 'tcp ESTAB 0 0 127.0.0.1:80 ("naïve",pid=1)\n\nudp 日本語 x\r\n🚀 rocket\nlast line';
  const bytes = Buffer.from(text, 'utf8');

  it('gives back the same text whatever the cuts and batch size, also cut inside a multi-byte character', () => {
    const random = seededRandom(7);
    for (const minBatch of [1, 8, 40, 128 * 1024]) {
      for (let round = 0; round < 100; round++) {
        const cuts = Array.from({ length: Math.floor(random() * 12) }, () => Math.floor(random() * bytes.length)).sort((a, b) => a - b);
        const { texts, last } = throughChunks(new LineChunks(minBatch), bytes, cuts);
        expect(texts.join('') + last).toBe(text);
        for (const part of texts) expect(part === '' || part.endsWith('\n')).toBe(true); // whole lines only
        expect(texts.join('')).not.toContain('\uFFFD'); // no character decoded in halves
      }
    }
  });

  it('with batches of one byte, returns each line once it is whole', () => {
    const cuts = Array.from({ length: bytes.length - 1 }, (_, i) => i + 1);
    const { texts, last } = throughChunks(new LineChunks(1), bytes, cuts);
    expect(texts.filter((t) => t !== '')).toEqual(['tcp ESTAB 0 0 127.0.0.1:80 ("naïve",pid=1)\n', '\n', 'udp 日本語 x\r\n', '🚀 rocket\n']);
    expect(last).toBe('last line');
  });

  it('holds lines back until a batch is full, and grows past its buffer for a long batch', () => {
    const chunks = new LineChunks(16);
    expect(chunks.push(Buffer.from('a\nb\n'))).toBe('');
    expect(chunks.push(Buffer.from('c\nddddddddddddd\ne'))).toBe('a\nb\nc\nddddddddddddd\n');
    const long = `${'x'.repeat(5000)}\n`;
    expect(chunks.push(Buffer.from(long))).toBe(`e${long}`);
    expect(chunks.end()).toBe('');
  });

  it('refuses a line longer than its limit instead of holding it all', () => {
    const chunks = new LineChunks(1, 10);
    expect(chunks.push(Buffer.from('short\nabcde'))).toBe('short\n');
    expect(() => chunks.push(Buffer.from('fghijk'))).toThrow('a line of output is longer than 10 bytes');
  });

  it('leaves nothing at the end when the output ends with a newline, or is empty', () => {
    const chunks = new LineChunks(1);
    expect(chunks.push(Buffer.from('a\nb\n'))).toBe('a\nb\n');
    expect(chunks.end()).toBe('');
    expect(new LineChunks().end()).toBe('');
  });
});
