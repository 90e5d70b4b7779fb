/**
 * A program's output as it arrives, turned into whole lines of text: a chunk may end inside a line, or
 * inside a UTF-8 character. The bytes after a chunk's last newline wait for the next chunk; a newline
 * byte is never part of a multi-byte character, so decoding up to it is safe.
 */
export class LineChunks {
  private rest: Buffer | null = null;

  /** The text of the whole lines `chunk` completes, each ending in `\n` ('' when it completes none). */
  push(chunk: Buffer): string {
    const bytes = this.rest ? Buffer.concat([this.rest, chunk]) : chunk;
    const lastNewline = bytes.lastIndexOf(10);
    if (lastNewline < 0) {
      this.rest = bytes;
      return '';
    }
    this.rest = lastNewline + 1 < bytes.length ? bytes.subarray(lastNewline + 1) : null;
    return bytes.toString('utf8', 0, lastNewline + 1);
  }

  /** What is left after the last chunk: a last line without a newline ('' when none). */
  end(): string {
    const text = this.rest ? this.rest.toString('utf8') : '';
    this.rest = null;
    return text;
  }
}
