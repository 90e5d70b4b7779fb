/** `portscope web` as users run it: the built CLI in a child process, stopped with SIGTERM. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { apiCall, rawRequest } from './helpers';

const bundle = path.resolve('out/cli/portscope.mjs');
const built = existsSync(bundle);
if (!built) console.warn(`web-command tests skipped: ${bundle} is missing — run \`npm run build\` first.`);

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.pid) process.kill(child.pid, 'SIGKILL');
});

function startCli(args: string[]): { child: ChildProcess; firstLine: Promise<string>; exit: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [bundle, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('\n')) resolve(stdout.slice(0, stdout.indexOf('\n') + 1));
    });
    child.once('exit', () => reject(new Error(`exited before printing a line; stderr: ${stderr}`)));
  });
  child.stderr?.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  const exit = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stdout, stderr })),
  );
  firstLine.catch(() => undefined);
  return { child, firstLine, exit };
}

describe.skipIf(!built)('portscope web', () => {
  it('prints exactly one line with a loopback URL and token, serves it, and stops cleanly on SIGTERM', async () => {
    const { child, firstLine, exit } = startCli(['web', '--no-open']);
    const line = await firstLine;
    const match = /^PortScope UI: http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]{43})\n$/.exec(line);
    expect(match, line).not.toBeNull();
    const port = Number(match![1]);
    const token = match![2];
    const page = await rawRequest(port, `/?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    const list = JSON.parse((await apiCall(port, token, 'list', {})).body) as { ok: boolean; code?: string };
    expect(list.ok || list.code === 'NOT_IMPLEMENTED').toBe(true);
    expect((await apiCall(port, 'bad', 'list', {})).status).toBe(401);
    child.kill('SIGTERM');
    const result = await exit;
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(line);
  });

  it('rejects a bad --port with exit 2 and a portscope: message', async () => {
    const { exit } = startCli(['web', '--no-open', '--port', '70000']);
    const result = await exit;
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^portscope: "70000" is not a port/);
    expect(result.stdout).toBe('');
  });

  it('refuses a port that is in use with exit 1', async () => {
    const first = startCli(['web', '--no-open']);
    const port = /:(\d+)\//.exec(await first.firstLine)![1];
    const second = await startCli(['web', '--no-open', '--port', port]).exit;
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/^portscope: cannot listen on 127\.0\.0\.1:\d+: port \d+ is in use/);
    first.child.kill('SIGTERM');
    expect((await first.exit).code).toBe(0);
  });
});
