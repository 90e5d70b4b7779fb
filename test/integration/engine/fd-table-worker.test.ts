import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { bundleForNobody } from '../../helpers/cli-for-nobody';
import { FD_TABLE_WORKER_SOURCE, openFilesOnMachine, readAllFdTablesInWorker } from '../../../src/main/collectors/linux/proc-fd-walk';

const onLinux = process.platform === 'linux';
if (!onLinux) console.warn('fd table worker tests skipped: they read this machine’s /proc');

describe.skipIf(!onLinux)('the fd table worker', () => {
  it('runs from its source text in a worker thread and answers with this process’s socket fds', async () => {
    const server = createServer().listen(0, '127.0.0.1'); // loopback only: gives this process a socket fd
    await new Promise((resolve) => server.once('listening', resolve));
    const answer = await new Promise<[number, string[], Float64Array][]>((resolve, reject) => {
      const worker = new Worker(FD_TABLE_WORKER_SOURCE, { eval: true });
      worker.once('message', (list: [number, string[], Float64Array][]) => {
        resolve(list);
        void worker.terminate();
      });
      worker.once('error', reject);
    });
    const mine = answer.find(([pid]) => pid === process.pid);
    expect(mine, 'this process among the tables').toBeDefined();
    expect(mine![1].length).toBe(mine![2].length);
    expect(mine![2].some((inode) => inode > 0), 'a socket inode among our fds').toBe(true);
    server.close();
  });

  it('counts the machine’s open files, ours among them (what decides whether a full read gets a worker)', () => {
    const open = openFilesOnMachine();
    const max = Number(readFileSync('/proc/sys/fs/file-nr', 'latin1').trim().split(/\s+/)[2]); // file-nr: open, 0, most
    expect(Number.isInteger(open)).toBe(true);
    expect(open).toBeGreaterThanOrEqual(readdirSync('/proc/self/fd').length - 1); // the readdir's own fd is gone by then
    expect(open).toBeLessThan(max);
  });

  it('starts its worker without making process.stdout or process.stderr (which would set the CLI’s pipes non-blocking)', async () => {
    const probe = await bundleForNobody(new URL('../../helpers/fd-walk-stdio-probe.ts', import.meta.url), 'probe.mjs', 'esm');
    try {
      const run = spawnSync(process.execPath, [probe.file], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
      expect(run.stderr.toString()).toBe('');
      const report = JSON.parse(run.stdout.toString()) as { tables: number; before: boolean[]; afterWorker: boolean[]; afterStream: boolean };
      expect(report.tables).toBeGreaterThan(0); // the worker answered
      expect(report.before).toEqual([false, false]);
      expect(report.afterWorker).toEqual([false, false]);
      expect(report.afterStream).toBe(true); // the probe sees what making the stream does
    } finally {
      probe.dispose();
    }
  }, 60_000);

  it('readAllFdTablesInWorker gives the same tables shape', async () => {
    const tables = await readAllFdTablesInWorker();
    expect(tables?.get(process.pid)?.fds.length).toBeGreaterThan(0);
  });
});
