/** Entry point of the `portscope` binary (bundled to out/cli/portscope.mjs). */
import { runCli } from './index';
import { printable } from '../../shared/printable';

const io = {
  out: (text: string) => void process.stdout.write(text),
  err: (text: string) => void process.stderr.write(printable(text)), // only people read stderr
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  },
  isTerminal: process.stdout.isTTY === true,
};

// `portscope listen … | head -1`: the reader went away. Nothing more can be shown, so end quietly
// with the exit code so far instead of crashing on an unhandled EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

/**
 * Exit as soon as the command is done and its output is flushed (an empty write calls back once all
 * before it are out). Every command awaits its own work, so nothing is cut short; a natural exit would
 * first tear the whole heap down (~15 ms after a 40k-row list).
 */
function exitWhenFlushed(code: number): void {
  let left = 2;
  const flushed = (): void => {
    if (--left === 0) process.exit(code);
  };
  process.stdout.write('', flushed);
  process.stderr.write('', flushed);
}

runCli(process.argv.slice(2), io).then(exitWhenFlushed, (error: unknown) => {
  process.stderr.write(`portscope: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`);
  exitWhenFlushed(1);
});
