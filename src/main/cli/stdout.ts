/**
 * The CLI's stdout. Into a pipe or a file it is written with blocking writes to fd 1, as Node itself
 * writes to a file. Node's pipe stream would queue whatever the reader has not taken yet: a 40k-row
 * `list --json` (24 MB) was then serialised first and flushed after, waiting ~50–100 ms on the reader at
 * the end; a blocking write lets the reader drain one piece while the next one is made.
 * A terminal keeps Node's stream (it is sync there, and on Windows writes the console's own way), and
 * so does a fd 1 that turns out non-blocking (EAGAIN: whoever shares the pipe set it so, or something
 * touched `process.stdout`, which sets it so), from the first unwritten byte on.
 */
import { writeSync } from 'node:fs';
import { isatty } from 'node:tty';

export interface StdoutWriter {
  /** stdout is a terminal (a person reads it). */
  readonly isTerminal: boolean;
  write(text: string): void;
  /** Calls `done` once everything written so far is out. */
  whenFlushed(done: () => void): void;
}

/** What the writer writes through; the defaults are fd 1 and `process.stdout` (tests give fakes). */
export interface StdoutTargets {
  isTerminal: boolean;
  /** A blocking write(2) to fd 1: the bytes written, or a thrown errno error. */
  writeSync(bytes: Uint8Array, offset: number): number;
  /** Node's stream, made only when needed. */
  stream(): NodeJS.WritableStream;
}

const processStdout: StdoutTargets = {
  isTerminal: isatty(1),
  writeSync: (bytes, offset) => writeSync(1, bytes, offset),
  stream: () => process.stdout,
};

/** `onError` gets a write's error (EPIPE: the reader went away), thrown by a write or emitted by the stream. */
export function stdoutWriter(onError: (error: NodeJS.ErrnoException) => void, targets: StdoutTargets = processStdout): StdoutWriter {
  let stream: NodeJS.WritableStream | null = null;
  const useStream = (): NodeJS.WritableStream => {
    if (!stream) {
      stream = targets.stream();
      stream.on('error', onError);
    }
    return stream;
  };
  if (targets.isTerminal) useStream();

  return {
    isTerminal: targets.isTerminal,
    write(text) {
      if (stream) {
        stream.write(text);
        return;
      }
      const bytes = Buffer.from(text, 'utf8');
      let offset = 0;
      try {
        while (offset < bytes.length) offset += targets.writeSync(bytes, offset);
      } catch (error) {
        const failure = error as NodeJS.ErrnoException;
        if (failure.code === 'EAGAIN') useStream().write(bytes.subarray(offset));
        else onError(failure);
      }
    },
    whenFlushed(done) {
      if (stream) stream.write('', done);
      else done();
    },
  };
}
