import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { stdoutWriter, type StdoutTargets } from '../../../src/main/cli/stdout';

/** A fake fd 1 that takes at most `perWrite` bytes a call and fails as told; and a fake Node stream. */
function fakeTargets(options: { isTerminal?: boolean; perWrite?: number; failAfter?: number; code?: string } = {}) {
  const written: number[] = [];
  const streamed: (string | Uint8Array)[] = [];
  let streamsMade = 0;
  const stream = Object.assign(new EventEmitter(), {
    write(chunk: string | Uint8Array, done?: () => void): boolean {
      if (chunk.length > 0) streamed.push(chunk);
      done?.();
      return true;
    },
  });
  const targets: StdoutTargets = {
    isTerminal: options.isTerminal ?? false,
    writeSync(bytes, offset) {
      if (options.failAfter !== undefined && written.length >= options.failAfter) {
        throw Object.assign(new Error(`write: ${options.code}`), { code: options.code });
      }
      const end = Math.min(bytes.length, offset + (options.perWrite ?? Infinity));
      written.push(...bytes.subarray(offset, end));
      return end - offset;
    },
    stream() {
      streamsMade++;
      return stream as unknown as NodeJS.WritableStream;
    },
  };
  const text = (): string => Buffer.from(written).toString('utf8');
  const streamText = (): string => streamed.map((c) => (typeof c === 'string' ? c : Buffer.from(c).toString('utf8'))).join('');
  return { targets, text, streamText, streamsMade: () => streamsMade, stream };
}

describe('the CLI stdout writer', () => {
  it('writes a pipe or file with blocking writes to fd 1, all of every piece in order, partial writes included', () => {
    const fake = fakeTargets({ perWrite: 3 });
    const errors: unknown[] = [];
    const out = stdoutWriter((e) => errors.push(e), fake.targets);
    out.write('[{"name":"café → ü"}');
    out.write(',{"n":2}]\n');
    expect(fake.text()).toBe('[{"name":"café → ü"},{"n":2}]\n');
    expect(fake.streamsMade()).toBe(0); // no Node stream (making one turns fd 1 non-blocking)
    let flushed = false;
    out.whenFlushed(() => (flushed = true));
    expect(flushed).toBe(true);
    expect(errors).toEqual([]);
  });

  it('hands the rest to Node’s stream when fd 1 is non-blocking (EAGAIN), from the first unwritten byte on', () => {
    const fake = fakeTargets({ perWrite: 4, failAfter: 8, code: 'EAGAIN' });
    const out = stdoutWriter(() => undefined, fake.targets);
    out.write('abcdefghijkl');
    out.write('mnop');
    expect(fake.text() + fake.streamText()).toBe('abcdefghijklmnop');
    expect(fake.text()).toBe('abcdefgh');
    expect(fake.streamsMade()).toBe(1);
    const order: string[] = [];
    out.whenFlushed(() => order.push('flushed'));
    expect(order).toEqual(['flushed']);
  });

  it('reports a closed pipe (EPIPE) to its error handler instead of throwing, and so do the stream’s errors', () => {
    const fake = fakeTargets({ failAfter: 0, code: 'EPIPE' });
    const codes: (string | undefined)[] = [];
    const out = stdoutWriter((e) => codes.push(e.code), fake.targets);
    expect(() => out.write('x')).not.toThrow();
    expect(codes).toEqual(['EPIPE']);

    const terminal = fakeTargets({ isTerminal: true });
    const terminalCodes: (string | undefined)[] = [];
    stdoutWriter((e) => terminalCodes.push(e.code), terminal.targets);
    terminal.stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(terminalCodes).toEqual(['EPIPE']);
  });

  it('writes a terminal through Node’s stream (sync there; the console’s own way on Windows)', () => {
    const fake = fakeTargets({ isTerminal: true });
    const out = stdoutWriter(() => undefined, fake.targets);
    out.write('PROCESS  PID\n');
    expect(out.isTerminal).toBe(true);
    expect(fake.streamText()).toBe('PROCESS  PID\n');
    expect(fake.text()).toBe('');
  });
});
