import { readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
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
    expect(Number.isInteger(open)).toBe(true);
    expect(open).toBeGreaterThanOrEqual(readdirSync('/proc/self/fd').length - 1); // the readdir's own fd is gone by then
  });

  it('readAllFdTablesInWorker gives the same tables shape', async () => {
    const tables = await readAllFdTablesInWorker();
    expect(tables?.get(process.pid)?.fds.length).toBeGreaterThan(0);
  });
});
