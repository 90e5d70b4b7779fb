/**
 * `portscope listen … | head -1`: the reader closes the pipe and later peer lines hit EPIPE. The CLI
 * must end quietly (exit code so far, no stack trace) instead of crashing on an unhandled 'error'.
 * The entry point is bundled from source into a temporary folder, so the test checks today's main.ts.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCliForNobody } from '../../helpers/cli-for-nobody';
import { freePort, tcpExchange } from './helpers';

let bundled: Awaited<ReturnType<typeof bundleCliForNobody>> | undefined;
let bundle = '';

beforeAll(async () => {
  bundled = await bundleCliForNobody();
  bundle = bundled.cli;
}, 60_000);
afterAll(() => bundled?.dispose());

describe('portscope listen into a closed pipe', () => {
  it('exits quietly with code 0 when stdout is closed (EPIPE), long before the timeout', async () => {
    const port = await freePort('tcp', '127.0.0.1');
    const child = spawn(process.execPath, [bundle, 'listen', String(port), '--host', '127.0.0.1', '--reply', 'echo', '--timeout', '30'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const started = Date.now();
    try {
      // Like `head -1`: read the first chunk, then close the reading end.
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      child.stdout.destroy();
      // A peer makes the CLI print again, into the closed pipe.
      for (let i = 0; i < 3 && child.exitCode === null; i++) {
        await tcpExchange('127.0.0.1', port, `hello ${i}`).catch(() => undefined);
        await new Promise((r) => setTimeout(r, 100));
      }
      const code = await exited;
      expect(stderr).not.toMatch(/EPIPE|Unhandled|Error/);
      expect(code).toBe(0);
      expect(Date.now() - started).toBeLessThan(20_000);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 40_000);
});
