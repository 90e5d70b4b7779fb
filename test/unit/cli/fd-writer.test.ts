import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { fdWriter, type FdTargets } from '../../../src/main/cli/fd-writer';

/**
 * A fake fd that takes at most `perWrite` bytes a call and, after `failAfter` bytes, fails with `code`
 * (or answers 0 with `code` 'zero'); and a fake Node stream that holds its writes until `flush()`.
 */
function fakeTargets(options: { isTerminal?: boolean; perWrite?: number; failAfter?: number; code?: string } = {}) {
  const written: number[] = [];
  const streamed: (string | Uint8Array)[] = [];
  const pending: (() => void)[] = [];
  let streamsMade = 0;
  let byteWrites = 0;
  const stream = Object.assign(new EventEmitter(), {
    write(chunk: string | Uint8Array, done?: () => void): boolean {
      if (chunk.length > 0) streamed.push(chunk);
      if (done) pending.push(done);
      return true;
    },
  });
  const targets: FdTargets = {
    isTerminal: options.isTerminal ?? false,
    writeText(text) {
      return writeAtMost(Buffer.from(text, 'utf8'), 0);
    },
    writeSync(bytes, offset) {
      byteWrites++;
      return writeAtMost(bytes, offset);
    },
    stream() {
      streamsMade++;
      return stream as unknown as NodeJS.WritableStream;
    },
  };
  function writeAtMost(bytes: Uint8Array, offset: number): number {
    if (options.failAfter !== undefined && written.length >= options.failAfter) {
      if (options.code === 'zero') return 0;
      throw Object.assign(new Error(`write: ${options.code}`), { code: options.code });
    }
    const end = Math.min(bytes.length, offset + (options.perWrite ?? Infinity));
    written.push(...bytes.subarray(offset, end));
    return end - offset;
  }
  return {
    targets,
    stream,
    text: (): string => Buffer.from(written).toString('utf8'),
    streamText: (): string => streamed.map((c) => (typeof c === 'string' ? c : Buffer.from(c).toString('utf8'))).join(''),
    streamsMade: (): number => streamsMade,
    /** Writes of bytes (a string's rest after a partial write), not of a string. */
    byteWrites: (): number => byteWrites,
    /** The stream has written everything out: its callbacks run. */
    flush: (): void => pending.splice(0).forEach((done) => done()),
  };
}

describe('the CLI fd writer', () => {
  it('writes a pipe or file with blocking writes, all of every piece in order, partial writes included', () => {
    const fake = fakeTargets({ perWrite: 3 });
    const errors: unknown[] = [];
    const out = fdWriter(fake.targets, (e) => errors.push(e));
    out.write('[{"name":"café → ü"}');
    out.write(',{"n":2}]\n');
    expect(fake.text()).toBe('[{"name":"café → ü"},{"n":2}]\n');
    expect(fake.streamsMade()).toBe(0); // no Node stream (making one sets the fd non-blocking)
    let flushed = false;
    out.whenFlushed(() => (flushed = true));
    expect(flushed).toBe(true); // nothing queued anywhere
    expect(errors).toEqual([]);
  });

  it('writes each piece as its string when the fd takes it whole: no bytes are made for it', () => {
    const fake = fakeTargets();
    const out = fdWriter(fake.targets, () => undefined);
    out.write('[{"name":"café → ü"}');
    out.write(',{"n":2}]\n');
    expect(fake.text()).toBe('[{"name":"café → ü"},{"n":2}]\n');
    expect(fake.byteWrites()).toBe(0);
  });

  it('hands the rest to Node’s stream when the fd is non-blocking (EAGAIN), and waits for the stream before calling it flushed', () => {
    const fake = fakeTargets({ perWrite: 4, failAfter: 8, code: 'EAGAIN' });
    const out = fdWriter(fake.targets, () => undefined);
    out.write('abcdefghijkl');
    out.write('mnop');
    expect(fake.text()).toBe('abcdefgh');
    expect(fake.streamText()).toBe('ijklmnop'); // from the first unwritten byte on, in order
    expect(fake.streamsMade()).toBe(1);
    let flushed = false;
    out.whenFlushed(() => (flushed = true));
    expect(flushed).toBe(false); // the stream still holds bytes
    fake.flush();
    expect(flushed).toBe(true);
  });

  it('hands the rest to the stream when a write takes nothing, instead of trying forever', () => {
    const fake = fakeTargets({ perWrite: 2, failAfter: 2, code: 'zero' });
    const out = fdWriter(fake.targets, () => undefined);
    out.write('abcdef');
    expect([fake.text(), fake.streamText()]).toEqual(['ab', 'cdef']);
  });

  it('reports a closed pipe (EPIPE) to its error handler instead of throwing, and so do the stream’s errors', () => {
    const fake = fakeTargets({ failAfter: 0, code: 'EPIPE' });
    const codes: (string | undefined)[] = [];
    const out = fdWriter(fake.targets, (e) => codes.push(e.code));
    expect(() => out.write('x')).not.toThrow();
    expect(codes).toEqual(['EPIPE']);

    const terminal = fakeTargets({ isTerminal: true });
    const terminalCodes: (string | undefined)[] = [];
    fdWriter(terminal.targets, (e) => terminalCodes.push(e.code));
    terminal.stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(terminalCodes).toEqual(['EPIPE']);
  });

  it('writes a terminal through Node’s stream (sync there; the console’s own way on Windows)', () => {
    const fake = fakeTargets({ isTerminal: true });
    const out = fdWriter(fake.targets, () => undefined);
    out.write('PROCESS  PID\n');
    expect(out.isTerminal).toBe(true);
    expect(fake.streamText()).toBe('PROCESS  PID\n');
    expect(fake.text()).toBe('');
  });

  it('queues through the stream once the command keeps serving, so a stalled reader cannot freeze it', () => {
    const fake = fakeTargets();
    const out = fdWriter(fake.targets, () => undefined);
    out.write('PortScope UI: http://127.0.0.1:1234/\n');
    out.keepServing();
    out.write('12:00:01  127.0.0.1:5555  connected\n');
    expect(fake.text()).toBe('PortScope UI: http://127.0.0.1:1234/\n');
    expect(fake.streamText()).toBe('12:00:01  127.0.0.1:5555  connected\n');
  });
});
