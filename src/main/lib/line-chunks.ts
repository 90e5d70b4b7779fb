/**
 * A program's output as it arrives, turned into text of whole lines: a chunk may end inside a line, or
 * inside a UTF-8 character. Bytes are gathered in one reused buffer and decoded up to the last newline; a
 * newline byte is never part of a multi-byte character, so decoding up to it is safe.
 *
 * Lines come in batches of at least `minBatch` bytes. Parsed lines are slices of their batch's text and
 * stay referenced until the next poll, so the batch's string lives on: one of 128 KiB is made outside the
 * young generation, while one small string per 4 KiB pipe read would be copied by its collector.
 */
export class LineChunks {
  private buffer: Buffer;
  /** Bytes in `buffer` not handed out yet: whole lines, then the start of an unfinished one. */
  private used = 0;

  constructor(
    private readonly minBatch = 128 * 1024,
    /** A longer line is an error (the output is not what the caller reads), not unbounded memory. */
    private readonly maxLine = 1024 * 1024,
  ) {
    this.buffer = Buffer.allocUnsafe(Math.max(minBatch * 2, 1024));
  }

  /** Text of whole lines, each ending in `\n`, once at least `minBatch` bytes are in ('' until then). */
  push(chunk: Buffer): string {
    if (this.used + chunk.length > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.used + chunk.length));
      this.buffer.copy(grown, 0, 0, this.used);
      this.buffer = grown;
    }
    chunk.copy(this.buffer, this.used);
    this.used += chunk.length;
    if (this.used < this.minBatch) return '';
    const cut = this.buffer.lastIndexOf(10, this.used - 1) + 1;
    if (this.used - cut > this.maxLine) throw new Error(`a line of output is longer than ${this.maxLine} bytes`);
    const text = this.buffer.toString('utf8', 0, cut);
    this.buffer.copyWithin(0, cut, this.used);
    this.used -= cut;
    return text;
  }

  /** Everything not handed out yet, after the last chunk: whole lines and a last line without a newline. */
  end(): string {
    const text = this.buffer.toString('utf8', 0, this.used);
    this.used = 0;
    return text;
  }
}
