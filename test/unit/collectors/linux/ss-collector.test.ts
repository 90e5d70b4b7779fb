/**
 * The ss collector against a stand-in `ss` (a script printing real `ss -tunae` output): lines parsed as
 * they stream in, a dump flagged as interrupted taken again, and a failing ss reported.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSsCollector, SS_ARGS } from '../../../../src/main/collectors/linux/ss-collector';
import { LiveOwners } from '../../../../src/main/collectors/linux/linux-collection';
import { SocketOwnerIndex } from '../../../../src/main/collectors/linux/socket-owner-index';

const OUTPUT = readFileSync(new URL('../../../fixtures/linux/ss-tunae.txt', import.meta.url), 'utf8');
const DATA_LINES = OUTPUT.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('Netid')).length;

const dir = mkdtempSync(path.join(tmpdir(), 'ps-ss-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * An executable stand-in for ss: checks it got our arguments, then plays `runs[n]` on its n-th call
 * (the last one again after that): what it prints, in pieces, on stdout and stderr, and its exit code.
 */
function standIn(name: string, runs: { stdout: string; stderr?: string; exit?: number; then?: 'sleep' | 'die' }[]): string {
  const file = path.join(dir, name);
  const counter = `${file}.count`;
  writeFileSync(counter, '0');
  const script = `#!${process.execPath}
const fs = require('node:fs');
if (JSON.stringify(process.argv.slice(2)) !== ${JSON.stringify(JSON.stringify(SS_ARGS))}) { process.stderr.write('bad args ' + process.argv.slice(2)); process.exit(9); }
const n = Number(fs.readFileSync(${JSON.stringify(counter)}, 'utf8'));
fs.writeFileSync(${JSON.stringify(counter)}, String(n + 1));
const runs = ${JSON.stringify(runs)};
const run = runs[Math.min(n, runs.length - 1)];
const pause = new Int32Array(new SharedArrayBuffer(4));
for (let i = 0; i < run.stdout.length; i += 97) {
  fs.writeSync(1, run.stdout.slice(i, i + 97)); // cut mid-line, one piece at a time
  Atomics.wait(pause, 0, 0, 2);
}
if (run.stderr) fs.writeSync(2, run.stderr);
if (run.then === 'sleep') setTimeout(() => {}, 120000);
if (run.then === 'die') process.kill(process.pid, 'SIGKILL');
process.exitCode = run.exit ?? 0;
`;
  writeFileSync(file, script);
  chmodSync(file, 0o755);
  return file;
}

/** Owners from a made-up, empty process table: these tests are about the socket table. */
const noOwners = () => new LiveOwners(new SocketOwnerIndex({ euid: 0, proc: { listPids: () => [], fdNames: () => null, socketInodeAt: () => 0 } }));

describe('the ss collector', () => {
  it('reads every line of real ss -tunae output, and reuses unchanged rows on the next poll', async () => {
    const file = standIn('ss-plain', [{ stdout: OUTPUT }]);
    const collector = createSsCollector(noOwners(), { find: async () => file });
    expect(await collector.available()).toBe(true);
    const first = await collector.collect();
    expect(first.unparsedLines).toBe(0);
    expect(first.rows).toHaveLength(DATA_LINES);
    expect(first.rows.find((row) => row.localPort === 32917)).toMatchObject({ protocol: 'tcp', family: 6, localAddress: '::1', state: 'LISTEN', dualStack: false, inode: 8113276 });
    expect(first.rows.find((row) => row.state === 'TIME_WAIT')).toMatchObject({ localPort: 32768, remotePort: 33849, inode: 0 });
    const second = await collector.collect();
    expect(second.rows).toHaveLength(DATA_LINES);
    expect(second.rows.every((row, i) => row === first.rows[i])).toBe(true);
  });

  it('takes the table again when ss says its dump was interrupted', async () => {
    const half = OUTPUT.split('\n').slice(0, 3).join('\n');
    const file = standIn('ss-interrupted', [{ stdout: half, stderr: 'Interrupted dump, results may be incomplete\n' }, { stdout: OUTPUT }]);
    const collection = await createSsCollector(noOwners(), { find: async () => file }).collect();
    expect(collection.rows).toHaveLength(DATA_LINES);
  });

  it('reports a failing ss with what it said, and a missing one as not installed', async () => {
    const file = standIn('ss-failing', [{ stdout: '', stderr: 'Cannot open netlink socket: Protocol not supported\n', exit: 1 }]);
    await expect(createSsCollector(noOwners(), { find: async () => file }).collect()).rejects.toThrow('ss failed: Cannot open netlink socket: Protocol not supported');
    const missing = createSsCollector(noOwners(), { find: async () => null });
    expect(await missing.available()).toBe(false);
    await expect(missing.collect()).rejects.toThrow('ss is not installed');
  });

  it('refuses a table cut short: ss stopped by a signal, or still running at the timeout', async () => {
    const half = OUTPUT.slice(0, OUTPUT.length / 2);
    const died = standIn('ss-killed', [{ stdout: half, then: 'die' }]);
    await expect(createSsCollector(noOwners(), { find: async () => died }).collect()).rejects.toThrow('ss was stopped (SIGKILL)');
    const slow = standIn('ss-slow', [{ stdout: half, then: 'sleep' }]);
    await expect(createSsCollector(noOwners(), { find: async () => slow, timeoutMs: 500 }).collect()).rejects.toThrow('ss did not finish in time');
  });

  it('keeps the rows of a run that exits non-zero after printing its table', async () => {
    const file = standIn('ss-partial-failure', [{ stdout: OUTPUT, stderr: 'some warning\n', exit: 1 }]);
    expect((await createSsCollector(noOwners(), { find: async () => file }).collect()).rows).toHaveLength(DATA_LINES);
  });
});
