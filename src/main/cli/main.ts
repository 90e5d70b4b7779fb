/** Entry point of the `portscope` binary (bundled to out/cli/portscope.mjs). */
import { runCli } from './index';
import type { CliIo } from './command';
import { printable } from '../../shared/printable';
import { fdWriter, processFd } from './fd-writer';

// `portscope listen … | head -1`: the reader went away. Nothing more can be shown, so end quietly
// with the exit code so far instead of crashing on an unhandled EPIPE.
function endQuietlyOnBrokenPipe(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
}
// Not process.stdout and process.stderr: making them sets their pipes non-blocking (see ./fd-writer).
const stdout = fdWriter(processFd(1), endQuietlyOnBrokenPipe);
const stderr = fdWriter(processFd(2), endQuietlyOnBrokenPipe);

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

runCli(process.argv.slice(2), io).then(exitWhenFlushed, (error: unknown) => {
  stderr.write(`portscope: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`);
  exitWhenFlushed(1);
});
