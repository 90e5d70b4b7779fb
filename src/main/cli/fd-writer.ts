/**
 * How the CLI writes stdout and stderr. Into a pipe or a file, with blocking writes to the fd, as Node
 * itself writes to a file. Node's pipe stream would queue whatever the reader has not taken yet: a 40k-row
 * `list --json` (24 MB) was then serialised first and flushed after, waiting ~50–100 ms on the reader at
 * the end; a blocking write lets the reader drain one piece while the next one is made. Both fds are
 * written this way because `2>&1 |` makes them one pipe, and making `process.stderr` would set that pipe
 * non-blocking.
 *
 * Node's stream is used instead:
 * - for a terminal (it is sync there, and on Windows writes the console's own way);
 * - once the fd turns out non-blocking (EAGAIN: whoever shares the pipe set it so, or something made
 *   `process.stdout`/`process.stderr`, which sets it so), from the first unwritten byte on;
 * - once `keepServing()` is called: a command that serves until stopped (`listen`, `web`) must not freeze
 *   on a reader that stopped reading (`portscope listen 8080 | less`), so its output queues instead.
 */
import { writeSync } from 'node:fs';
import { isatty } from 'node:tty';

export interface FdWriter {
  /** The fd is a terminal (a person reads it). */
  readonly isTerminal: boolean;
  write(text: string): void;
  /** From now on, Node's queued stream: writes never block the event loop. */
  keepServing(): void;
  /** Calls `done` once everything written so far is out. */
  whenFlushed(done: () => void): void;
}

/** What a writer writes through (tests give fakes). */
export interface FdTargets {
  isTerminal: boolean;
  /** A blocking write(2) of a string, encoded as UTF-8: the bytes written, or a thrown errno error. */
  writeText(text: string): number;
  /** A blocking write(2) of `bytes` from `offset`: the bytes written, or a thrown errno error. */
  writeSync(bytes: Uint8Array, offset: number): number;
  /** Node's stream for the fd, made only when needed. */
  stream(): NodeJS.WritableStream;
}

/** fd 1 or 2 of this process. */
export function processFd(fd: 1 | 2): FdTargets {
  return {
    isTerminal: isatty(fd),
    writeText: (text) => writeSync(fd, text),
    writeSync: (bytes, offset) => writeSync(fd, bytes, offset),
    stream: () => (fd === 1 ? process.stdout : process.stderr),
  };
}

/** `onError` gets a write's error (EPIPE: the reader went away), thrown by a write or emitted by the stream. */
export function fdWriter(targets: FdTargets, onError: (error: NodeJS.ErrnoException) => void): FdWriter {
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
      let bytes: Buffer | null = null;
      let offset = 0;
      try {
        // The string as is: Node encodes it into the write (a 40k-row list: ~15 ms less than a Buffer
        // made of every piece first). A blocking fd takes it all; only a partial write's rest needs bytes.
        offset = targets.writeText(text);
        if (offset >= Buffer.byteLength(text, 'utf8')) return;
        bytes = Buffer.from(text, 'utf8');
        while (offset < bytes.length) {
          const written = targets.writeSync(bytes, offset);
          if (written <= 0) break; // not a pipe's or file's answer
          offset += written;
        }
      } catch (error) {
        const failure = error as NodeJS.ErrnoException;
        if (failure.code !== 'EAGAIN') return onError(failure);
      }
      // What blocking writes could not take (a non-blocking fd) goes on through the stream, in order.
      const rest = (bytes ?? Buffer.from(text, 'utf8')).subarray(offset);
      if (rest.length > 0) useStream().write(rest);
    },
    keepServing() {
      useStream();
    },
    whenFlushed(done) {
      if (stream) stream.write('', done);
      else done();
    },
  };
}
