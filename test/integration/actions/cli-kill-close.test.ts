import net from 'node:net';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/index';
import { memoryIo } from '../../helpers/cli-io';
import { SCRIPTS, killStarted, startScript, type Started } from './test-processes';

const isLinux = process.platform === 'linux';
const isRoot = isLinux && process.getuid?.() === 0;
if (!isLinux) console.warn('CLI kill/close tests skipped: they use Linux processes and ss');
const ttyStdin = Boolean(process.stdin.isTTY);
if (ttyStdin) console.warn('the "no --yes without a terminal" test is skipped: stdin is a terminal here');

const started: Started[] = [];
const home = mkdtempSync(path.join(tmpdir(), 'ps-cli-home-'));
const savedHome = process.env.HOME;
beforeAll(() => {
  // The CLI's audit log goes to ~/.portscope: keep the test's entries out of the real home.
  process.env.HOME = home;
});
afterAll(() => {
  process.env.HOME = savedHome;
  killStarted(started.map((s) => s.pid));
});

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo();
  const code = await runCli(args, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe.skipIf(!isLinux)('portscope kill', () => {
  it('exits 2 for bad input', async () => {
    expect((await cli('kill')).code).toBe(2);
    expect((await cli('kill', '--port', '0', '--yes')).code).toBe(2);
    expect((await cli('kill', '--port', '80', '--pid', '1')).code).toBe(2);
    expect((await cli('kill', '--pid', 'abc')).code).toBe(2);
    const huge = await cli('kill', '--pid', '99999999999');
    expect(huge.code).toBe(2);
    expect(huge.err).toMatch(/^portscope: pid 99999999999 is too large to be a process id \(at most 2147483647\)/);
    const grace = await cli('kill', '--pid', '5', '--grace', '-1');
    expect(grace.code).toBe(2);
    expect(grace.err).toMatch(/^portscope: /);
  });

  it.skipIf(ttyStdin)('without --yes and without a terminal: prints the plan, refuses with exit 1, ends nothing', async () => {
    const s = await startScript(SCRIPTS.graceful);
    started.push(s);
    const r = await cli('kill', '--port', String(s.port));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`Would end:\\n  node  pid ${s.pid}`));
    expect(r.out).toContain(`sockets: tcp 127.0.0.1:${s.port} LISTEN`);
    expect(r.err).toMatch(/^portscope: .*re-run with --yes/);
    expect(() => process.kill(s.pid, 0)).not.toThrow();
  });

  it('kills by port with --yes (exit 0) and logs it in ~/.portscope/audit.log', async () => {
    const s = await startScript(SCRIPTS.stubborn);
    started.push(s);
    const r = await cli('kill', '--port', String(s.port), '--yes', '--grace', '200', '--json');
    expect(r.code).toBe(0);
    const outcome = JSON.parse(r.out) as { result: string; forced: boolean };
    expect(outcome).toMatchObject({ result: 'ended', forced: true });
    expect((await s.exited).signal).toBe('SIGKILL');
    expect(readFileSync(path.join(home, '.portscope', 'audit.log'), 'utf8')).toMatch(new RegExp(`"target":"port ${s.port} \\(pid ${s.pid} node\\)"`));
  });

  it('refuses pid 1 with exit 1 and a portscope: message', async () => {
    const r = await cli('kill', '--pid', '1', '--yes');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^portscope: refused: pid 1 is the init process/m);
  });

  it('exits 1 when nothing listens on the port', async () => {
    const r = await cli('kill', '--port', '1', '--yes');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^portscope: nothing listens on port 1/);
  });
});

describe.skipIf(!isRoot)('portscope close', () => {
  let server: net.Server;
  beforeAll(async () => {
    server = net.createServer((s) => s.on('error', () => undefined));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => server.close());

  it('closes one connection with --yes (exit 0), then finds nothing to close (exit 1)', async () => {
    const port = (server.address() as net.AddressInfo).port;
    const client = net.connect(port, '127.0.0.1');
    client.on('error', () => undefined);
    await new Promise<void>((resolve) => client.once('connect', resolve));
    const local = `127.0.0.1:${client.localPort}`;
    const remote = `127.0.0.1:${port}`;
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    const r = await cli('close', local, remote, '--yes');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^closed tcp 127\.0\.0\.1:\d+ → 127\.0\.0\.1:\d+/);
    await closed;
    const again = await cli('close', local, remote, '--yes');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/^portscope: no connection tcp/);
  });

  it('exits 2 for bad input', async () => {
    expect((await cli('close', '127.0.0.1:1')).code).toBe(2);
    expect((await cli('close', 'localhost:1', '127.0.0.1:2', '--yes')).code).toBe(2);
    expect((await cli('close', '::1:1', '[::1]:2', '--yes')).code).toBe(2);
    expect((await cli('close', '127.0.0.1:70000', '127.0.0.1:2')).code).toBe(2);
  });
});
