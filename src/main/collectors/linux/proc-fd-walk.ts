/**
 * Low-level /proc readers for the socket owner index: the pid list, one process's fd names, the socket
 * inode an fd link points to (`socket:[12345]`), every process's fd table at once in a worker thread,
 * and the machine's open-file count, which says whether that worker pays. Sync reads on purpose: one
 * readlink per open fd is the expensive part of an owner table, and sync readlinks have about twice the
 * throughput of fs/promises, which pays a thread-pool hop per link. The owner index's own reads yield to
 * the event loop between slices (also its full read when it uses no worker).
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/** pid -> fd names and, for each, the socket inode it holds (0: not a socket). */
export type FdTables = Map<number, { fds: string[]; inodes: Float64Array }>;

/** `socket:[12345]` -> 12345; 0 for anything else. */
function socketInodeOfLink(link: string): number {
  return link.startsWith('socket:[') ? Number(link.slice(8, -1)) : 0;
}

/** Every numeric /proc entry, ascending. */
export function listPids(): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    const code = name.charCodeAt(0);
    if (code >= 48 && code <= 57) pids.push(Number(name));
  }
  return pids.sort((a, b) => a - b);
}

/**
 * Open files on the whole machine (`/proc/sys/fs/file-nr`'s first field, one read): about the number of
 * fd links a full walk reads, fewer where processes share files (fork, dup: one file, an fd in each);
 * null when it cannot be read.
 */
export function openFilesOnMachine(): number | null {
  try {
    const open = Number.parseInt(readFileSync('/proc/sys/fs/file-nr', 'latin1'), 10);
    return Number.isFinite(open) ? open : null;
  } catch {
    return null;
  }
}

/** The fd names of one process; null when its fd table may not be read (EACCES) or it exited (ENOENT). */
export function fdNames(pid: number): string[] | null {
  try {
    return readdirSync(`/proc/${pid}/fd`);
  } catch {
    return null;
  }
}

/** The socket inode behind `/proc/<pid>/fd/<fd>`; 0 for anything else, or when the fd closed meanwhile. */
export function socketInodeAt(fdPath: string): number {
  try {
    return socketInodeOfLink(readlinkSync(fdPath));
  } catch {
    return 0;
  }
}

interface FsReads {
  readdirSync(path: string): string[];
  readlinkSync(path: string): string;
}

/**
 * Every readable process's fd table, as [pid, fd names, inodes] in pid order. Self-contained (its
 * helpers come in as arguments) because the worker runs it from its source text.
 */
function readAllFdTables(fs: FsReads, inodeOfLink: (link: string) => number): [number, string[], Float64Array][] {
  const tables: [number, string[], Float64Array][] = [];
  const pids = fs.readdirSync('/proc').filter((name) => name.charCodeAt(0) >= 48 && name.charCodeAt(0) <= 57);
  for (const pid of pids.map(Number).sort((a, b) => a - b)) {
    const dir = `/proc/${pid}/fd/`;
    let fds: string[];
    try {
      fds = fs.readdirSync(dir);
    } catch {
      continue;
    }
    const inodes = new Float64Array(fds.length);
    for (let i = 0; i < fds.length; i++) {
      try {
        inodes[i] = inodeOfLink(fs.readlinkSync(dir + fds[i]));
      } catch {
        inodes[i] = 0; // closed while we looked
      }
    }
    tables.push([pid, fds, inodes]);
  }
  return tables;
}

// Source text, not a file: the same worker then runs under esbuild's CLI bundle, electron-vite and vitest.
export const FD_TABLE_WORKER_SOURCE = `require('node:worker_threads').parentPort.postMessage((${readAllFdTables.toString()})(require('node:fs'), ${socketInodeOfLink.toString()}));`;

function toMap(list: [number, string[], Float64Array][]): FdTables {
  return new Map(list.map(([pid, fds, inodes]) => [pid, { fds, inodes }]));
}

/**
 * Every process's fd table, read on another core: a 40k-fd read is ~200 ms of syscalls that would
 * otherwise hold the main thread. Null when no worker can start or it fails (the caller reads here).
 */
export function readAllFdTablesInWorker(): Promise<FdTables | null> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      // Its stdio is not piped to ours: that would make process.stdout and process.stderr, which sets the
      // CLI's pipes non-blocking (cli/fd-writer). It prints nothing; a failure comes as an 'error' event.
      worker = new Worker(FD_TABLE_WORKER_SOURCE, { eval: true, stdout: true, stderr: true });
    } catch {
      resolve(null);
      return;
    }
    worker.unref(); // never keeps a CLI alive
    worker.once('message', (list: [number, string[], Float64Array][]) => {
      resolve(toMap(list));
      void worker.terminate();
    });
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null)); // exited without an answer (a no-op after the message)
  });
}
