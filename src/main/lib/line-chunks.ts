/**
 * A program's output as it arrives, turned into whole lines of text: a chunk may end inside a line, or
 * inside a UTF-8 character. The bytes after a chunk's last newline wait for the next chunk; a newline
 * byte is never part of a multi-byte character, so decoding up to it is safe.
 */
export class LineChunks {
  /** Bytes of the unfinished line, in the order they came (joined once its newline comes). */
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  /** `maxLineBytes`: a longer line is an error (the output is not what the caller reads), not unbounded memory. */
  constructor(private readonly maxLineBytes = 1024 * 1024) {}

  /** The text of the whole lines `chunk` completes, each ending in `\n` ('' when it completes none). */
  push(chunk: Buffer): string {
    const lastNewline = chunk.lastIndexOf(10);
    if (lastNewline < 0) {
      this.keep(chunk);
      return '';
    }
    const whole = chunk.subarray(0, lastNewline + 1);
    const text = this.pendingBytes > 0 ? Buffer.concat([...this.pending, whole]).toString('utf8') : whole.toString('utf8');
    this.pending = [];
    this.pendingBytes = 0;
    if (lastNewline + 1 < chunk.length) this.keep(chunk.subarray(lastNewline + 1));
    return text;
  }

  /** What is left after the last chunk: a last line without a newline ('' when none). */
  end(): string {
    const text = this.pendingBytes > 0 ? Buffer.concat(this.pending).toString('utf8') : '';
    this.pending = [];
    this.pendingBytes = 0;
    return text;
  }

  private keep(bytes: Buffer): void {
    this.pendingBytes += bytes.length;
    if (this.pendingBytes > this.maxLineBytes) throw new Error(`a line of output is longer than ${this.maxLineBytes} bytes`);
    this.pending.push(bytes);
  }
}
