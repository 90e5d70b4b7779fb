/**
 * How the CLI's entry point ends. `portscope listen … | head -1`: the reader closes the pipe and later
 * peer lines hit EPIPE; the CLI must end quietly (exit code so far, no stack trace) instead of crashing
 * on an unhandled 'error'. And it exits as soon as a command is done, but only once its output is out.
 * The entry point is bundled from source into a temporary folder, so the test checks today's main.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCliForNobody, type NobodyBundle } from '../../helpers/cli-for-nobody';
import { freePort, tcpExchange } from './helpers';

let bundled: NobodyBundle | undefined;
let bundle = '';

beforeAll(async () => {
  bundled = await bundleCliForNobody();
  bundle = bundled.file;
}, 60_000);
afterAll(() => bundled?.dispose());

describe('portscope listen into a closed pipe', () => {
  it('exits quietly with code 0 when stdout is closed (EPIPE), without waiting for its --timeout', async () => {
    const port = await freePort('tcp', '127.0.0.1');
    const child = spawn(process.execPath, [bundle, 'listen', String(port), '--host', '127.0.0.1', '--reply', 'echo', '--timeout', '120'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
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
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 40_000); // --timeout 120 is longer: a CLI that kept running after EPIPE fails here
});

describe('portscope exiting when a command is done', () => {
  it('hands a slow reader all of a big --json output before it exits, with the exit code', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `tcp ESTAB 0 0 127.0.0.1:${1024 + (i % 60000)} 127.0.0.1:${30000 + (i % 30000)} users:(("app",pid=${100 + (i % 7)},fd=${3 + i}))`);
    const child = spawn(process.execPath, [bundle, 'import', '-', '--format', 'ss', '--json'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.end(`${lines.join('\n')}\n`);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const chunks: Buffer[] = [];
    // a slow reader: take a chunk, pause, go on a little later
    child.stdout.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      child.stdout.pause();
      setTimeout(() => child.stdout.resume(), 2);
    });
    const ended = new Promise<void>((resolve) => child.stdout.once('end', () => resolve()));
    const [code] = await Promise.all([exited, ended]);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.length).toBeGreaterThan(5_000_000);
    expect((JSON.parse(text) as unknown[]).length).toBe(lines.length);
    expect(code).toBe(0);
  }, 60_000);
});

const hasDevFull = existsSync('/dev/full');
if (!hasDevFull) console.warn('full-disk output test skipped: this system has no /dev/full (Linux has)');

describe('portscope when its output cannot be written', () => {
  it.skipIf(!hasDevFull)('says so in one line and exits 1 when the disk is full (ENOSPC), without a stack trace', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const run = spawnSync(process.execPath, [bundle, '--help'], { stdio: ['ignore', full, 'pipe'], timeout: 30_000 });
      expect(run.status).toBe(1);
      expect(run.stderr.toString()).toMatch(/^portscope: cannot write the output: ENOSPC[^\n]*\n$/);
    } finally {
      closeSync(full);
    }
  });
});
