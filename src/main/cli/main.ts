/** Entry point of the `portscope` binary (bundled to out/cli/portscope.mjs). */
import { runCli } from './index';
import { printable } from '../../shared/printable';
import { stdoutWriter } from './stdout';

// `portscope listen … | head -1`: the reader went away. Nothing more can be shown, so end quietly
// with the exit code so far instead of crashing on an unhandled EPIPE.
function endQuietlyOnBrokenPipe(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
}
process.stderr.on('error', endQuietlyOnBrokenPipe);
// Not process.stdout: making it would turn fd 1 non-blocking (see ./stdout).
const stdout = stdoutWriter(endQuietlyOnBrokenPipe);

const io = {
  out: (text: string) => stdout.write(text),
  err: (text: string) => void process.stderr.write(printable(text)), // only people read stderr
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  },
  isTerminal: stdout.isTerminal,
};

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
  stdout.whenFlushed(flushed);
  process.stderr.write('', flushed);
}

runCli(process.argv.slice(2), io).then(exitWhenFlushed, (error: unknown) => {
  process.stderr.write(`portscope: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`);
  exitWhenFlushed(1);
});
