import type { CliIo } from '../../src/main/cli/command';

/** An in-memory CliIo for running commands in-process (a program reads it, unless `isTerminal`). */
export function memoryIo(stdin: Buffer = Buffer.alloc(0), isTerminal = false): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let errText = '';
  return {
    out: (text) => void (out += text),
    err: (text) => void (errText += text),
    readStdin: async () => stdin,
    isTerminal,
    keepServing: () => undefined,
    stdout: () => out,
    stderr: () => errText,
  };
}
