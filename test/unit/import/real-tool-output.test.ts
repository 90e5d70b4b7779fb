/**
 * The import parsers against real output of this machine's tools (lsof -F, netstat -tunap, ss,
 * /proc/net), for sockets a child process opens on 127.0.0.1 and ::1. Skipped per tool when the tool is missing.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCaptures } from '../../../src/main/import/import-captures';

const CHILD = `
const net = require('node:net'); const dgram = require('node:dgram');
const tcp = net.createServer().listen(0, '127.0.0.1', () => {
  const udp = dgram.createSocket('udp6'); udp.bind(0, '::1', () => {
    process.stdout.write(JSON.stringify({ tcp: tcp.address().port, udp: udp.address().port }) + '\\n');
  });
});
setInterval(() => {}, 1000);`;

const toolPath = (name: string): string | null => ['/usr/bin', '/usr/sbin', '/bin', '/sbin'].map((d) => `${d}/${name}`).find((p) => existsSync(p)) ?? null;
const lsof = toolPath('lsof');
const netstat = toolPath('netstat');
const ss = toolPath('ss');

let child: ChildProcess;
let ports: { tcp: number; udp: number };

beforeAll(async () => {
  child = spawn(process.execPath, ['-e', CHILD], { stdio: ['ignore', 'pipe', 'inherit'] });
  ports = await new Promise((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(JSON.parse(d.toString()) as { tcp: number; udp: number })));
});
afterAll(() => {
  if (child.pid) process.kill(child.pid);
});

function importText(text: string, format: string) {
  const result = importCaptures([{ name: format, bytes: Buffer.from(text) }]);
  if (!result.ok) throw new Error(result.message);
  expect(result.value.files[0].format).toBe(format);
  return result.value.rows;
}

/** The whole table: a busy machine's (40k sockets) is far more than execFileSync's default 1 MiB. */
const TOOL_OUTPUT = { encoding: 'utf8', maxBuffer: 512 * 2 ** 20 } as const;

describe('import of real tool output on this machine', () => {
  if (!lsof || !netstat || !ss) console.warn(`skipping some real-tool tests: lsof=${lsof} netstat=${netstat} ss=${ss} (not installed)`);

  it.skipIf(!lsof)('lsof -F pcnPtTf', () => {
    const text = execFileSync(lsof!, ['-nP', '-a', '-p', String(child.pid), '-iTCP', '-iUDP', '-F', 'pcnPtTf'], { encoding: 'utf8' });
    const rows = importText(text, 'lsof');
    expect(rows.filter((r) => r.protocol === 'tcp' && r.localPort === ports.tcp)).toContainEqual(expect.objectContaining({ localAddress: '127.0.0.1', state: 'LISTEN', pid: child.pid, family: 4 }));
    expect(rows.filter((r) => r.protocol === 'udp' && r.localPort === ports.udp)).toContainEqual(expect.objectContaining({ localAddress: '::1', state: null, pid: child.pid, family: 6 }));
  });

  it.skipIf(!netstat)('netstat -tunap', () => {
    const rows = importText(execFileSync(netstat!, ['-tunap'], TOOL_OUTPUT), 'netstat-linux');
    expect(rows.filter((r) => r.protocol === 'tcp' && r.localPort === ports.tcp)).toContainEqual(expect.objectContaining({ state: 'LISTEN', pid: child.pid, processName: 'node' }));
    expect(rows.filter((r) => r.protocol === 'udp' && r.localPort === ports.udp)).toContainEqual(expect.objectContaining({ localAddress: '::1', pid: child.pid }));
  });

  it.skipIf(!ss)('ss -tunap', () => {
    const rows = importText(execFileSync(ss!, ['-tunap'], TOOL_OUTPUT), 'ss');
    expect(rows.filter((r) => r.protocol === 'tcp' && r.localPort === ports.tcp)).toContainEqual(expect.objectContaining({ state: 'LISTEN', pid: child.pid }));
  });

  it('/proc/net/tcp + udp6 concatenated', () => {
    const text = ['tcp', 'udp6'].map((t) => readFileSync(`/proc/net/${t}`, 'utf8')).join('');
    const rows = importText(text, 'proc-net');
    expect(rows.filter((r) => r.protocol === 'tcp' && r.localPort === ports.tcp)).toContainEqual(expect.objectContaining({ localAddress: '127.0.0.1', state: 'LISTEN' }));
    expect(rows.filter((r) => r.protocol === 'udp' && r.localPort === ports.udp)).toContainEqual(expect.objectContaining({ localAddress: '::1', family: 6 }));
  });
});
