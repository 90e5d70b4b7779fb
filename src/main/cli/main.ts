/** Entry point of the `portscope` binary (bundled to out/cli/portscope.mjs). */
import { writeSync } from 'node:fs';
import type { CliIo } from './command';
import { printable } from '../../shared/printable';
import { fdWriter, processFd } from './fd-writer';
import { readsLiveTableFirst } from './live-table';
import { startFdLinkWalkEarly } from '../collectors/linux/proc-fd-walk';
import { startNativeReadsEarly } from '../collectors/linux/native-reader';

const argv = process.argv.slice(2);
// First thing, before the rest of the CLI loads (imported below): at 40k sockets the native reader's dump
// and fd walk (or, without it, the fd walk's worker) then run on the core Node's loading leaves idle.
if (process.platform === 'linux' && readsLiveTableFirst(argv) && !startNativeReadsEarly()) startFdLinkWalkEarly();
const { runCli } = await import('./index');

/**
 * Output that cannot be written ends the command. `portscope listen … | head -1`: the reader went away
 * (EPIPE), nothing more can be shown, so end quietly with the exit code so far. Anything else (ENOSPC: a
 * full disk) is said in one line, not a stack trace, and exits 1.
 */
function endOnOutputError(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  try {
    writeSync(2, `portscope: cannot write the output: ${error.message}\n`);
  } catch {
    // stderr is what failed: nothing left to tell
  }
  process.exit(1);
}
// Not process.stdout and process.stderr: making them sets their pipes non-blocking (see ./fd-writer).
const stdout = fdWriter(processFd(1), endOnOutputError);
const stderr = fdWriter(processFd(2), endOnOutputError);

const io: CliIo = {
  out: (text) => stdout.write(text),
  err: (text) => stderr.write(printable(text)), // only people read stderr
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  },
  isTerminal: stdout.isTerminal,
  keepServing: () => {
    stdout.keepServing();
    stderr.keepServing();
  },
};

/**
 * Exit as soon as the command is done and its output is flushed. Every command awaits its own work, so
 * nothing is cut short; a natural exit would first tear the whole heap down (~15 ms after a 40k-row list).
 */
function exitWhenFlushed(code: number): void {
  let left = 2;
  const flushed = (): void => {
    if (--left === 0) process.exit(code);
  };
  stdout.whenFlushed(flushed);
  stderr.whenFlushed(flushed);
}

runCli(argv, io).then(exitWhenFlushed, (error: unknown) => {
  stderr.write(`portscope: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`);
  exitWhenFlushed(1);
});
