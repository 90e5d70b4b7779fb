import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { bundleForNobody } from '../../helpers/cli-for-nobody';
import {
  FD_LINK_WORKER_SOURCE,
  openFilesOnMachine,
  startFdLinkWalkEarly,
  startFdLinkWalkInWorker,
  WORKER_FROM_OPEN_FILES,
  type FdLinks,
} from '../../../src/main/collectors/linux/proc-fd-walk';

const onLinux = process.platform === 'linux';

/** Where our fd points now; null once closed (the test runner's own fds may close meanwhile). */
function linkNow(fd: number): string | null {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return null;
  }
}
if (!onLinux) console.warn('fd table worker tests skipped: they read this machine’s /proc');

describe.skipIf(!onLinux)('the fd table worker', () => {
  it('runs from its source text in a worker thread: lists every fd into shared memory, then reads every link', async () => {
    const server = createServer().listen(0, '127.0.0.1'); // loopback only: gives this process a socket fd
    await new Promise((resolve) => server.once('listening', resolve));
    const messages = await new Promise<(FdLinks | 'done')[]>((resolve, reject) => {
      const got: (FdLinks | 'done')[] = [];
      const worker = new Worker(FD_LINK_WORKER_SOURCE, { eval: true });
      worker.on('message', (message: FdLinks | 'done') => {
        got.push(message);
        if (message !== 'done') return;
        resolve(got);
        void worker.terminate();
      });
      worker.once('error', reject);
    });
    expect(messages).toHaveLength(2);
    expect(messages[1]).toBe('done');
    const links = messages[0] as FdLinks;
    expect(links.pids.buffer).toBeInstanceOf(SharedArrayBuffer); // the worker's memory, not a copy
    expect([links.fds.length, links.inodes.length]).toEqual([links.pids.length, links.pids.length]);
    expect(links.claimed[0]).toBeGreaterThanOrEqual(links.pids.length); // every link was handed out
    expect([...links.pids].every((pid, i) => i === 0 || links.pids[i - 1]! <= pid)).toBe(true); // pid order
    expect(links.readable).toContain(process.pid);
    const ours = [...links.pids.keys()].filter((i) => links.pids[i] === process.pid);
    expect(new Set(ours.map((i) => links.fds[i])).size).toBe(ours.length); // each of our fds once
    const socketFds = ours.filter((i) => links.inodes[i]! > 0);
    expect(socketFds.length, 'a socket inode among our fds').toBeGreaterThan(0);
    expect(socketFds.some((i) => linkNow(links.fds[i]!) === `socket:[${links.inodes[i]}]`)).toBe(true); // the server's, at least
    server.close();
  });

  it('startFdLinkWalkInWorker: this thread may join the walk; the links come out read', async () => {
    const server = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const walk = startFdLinkWalkInWorker();
    await walk.help(); // returns once nothing is left to claim
    const links = await walk.links;
    expect(links).not.toBeNull();
    expect(links!.claimed[0]).toBeGreaterThanOrEqual(links!.pids.length);
    const ours = [...links!.pids.keys()].filter((i) => links!.pids[i] === process.pid && links!.inodes[i]! > 0);
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.some((i) => linkNow(links!.fds[i]!) === `socket:[${links!.inodes[i]}]`)).toBe(true);
    server.close();
  });

  it('startFdLinkWalkEarly: the next startFdLinkWalkInWorker() takes the walk it started, once; none is started with few open files', async () => {
    expect(startFdLinkWalkEarly(WORKER_FROM_OPEN_FILES - 1)).toBeNull();
    const early = startFdLinkWalkEarly(WORKER_FROM_OPEN_FILES);
    expect(early).not.toBeNull();
    expect(startFdLinkWalkEarly(WORKER_FROM_OPEN_FILES)).toBe(early); // one early walk at a time
    const taken = startFdLinkWalkInWorker();
    expect(taken).toBe(early);
    const next = startFdLinkWalkInWorker();
    expect(next).not.toBe(early); // taken once: a later full read walks anew
    const [earlyLinks, nextLinks] = await Promise.all([taken.links, next.links]);
    expect(earlyLinks!.readable).toContain(process.pid);
    expect(nextLinks!.readable).toContain(process.pid);
  });

  it('a worker that fails after listing the links: no links (the caller reads them itself), and help() ends', async () => {
    // Lists 50,000 links of fds this process does not have, then fails before reading them.
    const failing = `const shared = new SharedArrayBuffer(8 + 16 * 50000);
      const pids = new Int32Array(shared, 8, 50000).fill(${process.pid});
      const fds = new Int32Array(shared, 8 + 4 * 50000, 50000).map((_, i) => 1000000 + i);
      require('node:worker_threads').parentPort.postMessage({ readable: [${process.pid}], claimed: new Int32Array(shared, 0, 1), pids, fds, inodes: new Float64Array(shared, 8 + 8 * 50000, 50000) });
      throw new Error('walk failed');`;
    const walk = startFdLinkWalkInWorker(failing);
    await walk.help();
    expect(await walk.links).toBeNull();
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

});
