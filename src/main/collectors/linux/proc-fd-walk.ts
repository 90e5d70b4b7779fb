/**
 * Low-level /proc readers for the socket owner index: the pid list, one process's fd names, the socket
 * inode an fd link points to (`socket:[12345]`), every fd link at once in a worker thread (which the
 * starting thread may join), and the machine's open-file count, which says whether that worker pays.
 * Sync reads on purpose: one readlink per open fd is the expensive part of an owner table, and sync
 * readlinks have about twice the throughput of fs/promises, which pays a thread-pool hop per link. The
 * owner index's own reads, and this thread's share of a worker's walk, yield to the event loop between
 * slices.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { Slicer, yieldToLoop } from '../../lib/time-slices';
import { nativeReader, readFdLinksNatively, type NativeFdLinks } from './native-reader';

const fsReads: FsReads = { readdirSync, readlinkSync };

/** `socket:[12345]` -> 12345; 0 for anything else. */
function socketInodeOfLink(link: string): number {
  return link.startsWith('socket:[') ? Number(link.slice(8, -1)) : 0;
}

/** Every numeric /proc entry, ascending. Self-contained: the worker runs it from its source text too. */
function pidsIn(fs: FsReads): number[] {
  const pids: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    const code = name.charCodeAt(0);
    if (code >= 48 && code <= 57) pids.push(Number(name));
  }
  return pids.sort((a, b) => a - b);
}

/** Every numeric /proc entry, ascending. */
export function listPids(): number[] {
  return pidsIn(fsReads);
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

export interface FsReads {
  readdirSync(path: string): string[];
  readlinkSync(path: string): string;
}

/**
 * Every fd link on the machine, flat and in pid order: entry i is fd `fds[i]` of process `pids[i]`, which
 * holds socket `inodes[i]` (0: not a socket, or closed while we looked). `readable` lists every process
 * whose fd table could be listed, with fds or without. The typed arrays live in memory shared by the
 * worker and this thread: each reads the links it claims (`claimed` counts the entries handed out).
 */
export interface FdLinks {
  readable: number[];
  claimed: Int32Array;
  pids: Int32Array;
  fds: Int32Array;
  inodes: Float64Array;
}

/** A walk of every fd link, run by a worker; the thread that started it may join in. */
export interface FdLinkWalk {
  /** Every link, once all are read; null when no worker could read them (the caller reads them itself). */
  links: Promise<FdLinks | null>;
  /**
   * Read links on this thread too, until none is left to claim (yielding to the event loop between
   * slices). For a thread that would otherwise only wait: two cores read the links where one did.
   */
  help(): Promise<void>;
}

/**
 * Claims the next `perClaim` unread links and reads them; false when none was left. Self-contained: the
 * worker runs it from its source text (128 links are ~0.5 ms: neither thread waits long for the other's
 * last claim).
 */
export function readClaimedLinks(fs: FsReads, inodeOfLink: (link: string) => number, links: FdLinks, perClaim = 128): boolean {
  const count = links.pids.length;
  const start = Atomics.add(links.claimed, 0, perClaim);
  if (start >= count) return false;
  const end = Math.min(start + perClaim, count);
  for (let i = start; i < end; i++) {
    try {
      links.inodes[i] = inodeOfLink(fs.readlinkSync(`/proc/${links.pids[i]}/fd/${links.fds[i]}`));
    } catch {
      links.inodes[i] = 0; // closed while we looked
    }
  }
  return true;
}

interface WorkerPort {
  postMessage(message: FdLinks | 'done'): void;
}

/**
 * The worker's part: lists every readable process's fds into shared memory, posts them (so the starting
 * thread can claim links too), reads links until none is left and posts 'done'. Self-contained (its
 * helpers come in as arguments) because the worker runs it from its source text.
 */
function walkFdLinks(
  fs: FsReads,
  port: WorkerPort,
  listPidsIn: typeof pidsIn,
  inodeOfLink: (link: string) => number,
  readClaimed: typeof readClaimedLinks,
): void {
  const readable: number[] = [];
  const pids: number[] = [];
  const fds: number[] = [];
  for (const pid of listPidsIn(fs)) {
    let names: string[];
    try {
      names = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // another user's process, or gone
    }
    readable.push(pid);
    for (const name of names) {
      pids.push(pid);
      fds.push(Number(name));
    }
  }
  const count = pids.length;
  const shared = new SharedArrayBuffer(8 + 16 * count); // the claim counter (padded to 8), pids, fds, inodes
  const links: FdLinks = {
    readable,
    claimed: new Int32Array(shared, 0, 1),
    pids: new Int32Array(shared, 8, count),
    fds: new Int32Array(shared, 8 + 4 * count, count),
    inodes: new Float64Array(shared, 8 + 8 * count, count),
  };
  links.pids.set(pids);
  links.fds.set(fds);
  port.postMessage(links); // typed arrays over shared memory arrive as views of the same memory
  while (readClaimed(fs, inodeOfLink, links));
  port.postMessage('done');
}

// Source text, not a file: the same worker then runs under esbuild's CLI bundle, electron-vite and vitest.
export const FD_LINK_WORKER_SOURCE = `(${walkFdLinks.toString()})(require('node:fs'), require('node:worker_threads').parentPort, ${pidsIn.toString()}, ${socketInodeOfLink.toString()}, ${readClaimedLinks.toString()});`;

const NO_WALK: FdLinkWalk = { links: Promise.resolve(null), help: async () => undefined };

/** The native reader's links in the worker walk's form (every link read: nothing left to claim). */
function fromNative(native: NativeFdLinks): FdLinks {
  const claimed = new Int32Array(1);
  claimed[0] = native.pids.length;
  return { readable: Array.from(native.readable), claimed, pids: native.pids, fds: native.fds, inodes: native.inodes };
}

/**
 * Every fd link, read by the native reader on two threads of its own (no worker to start, so worth it at
 * any size); null without the reader. Its links are null when the read fails (the caller reads here).
 */
export function startNativeFdLinkWalk(): FdLinkWalk | null {
  const reader = nativeReader();
  if (!reader) return null;
  return { links: readFdLinksNatively(reader).then(fromNative, () => null), help: async () => undefined };
}

/**
 * A worker takes ~50 ms to start. Below this many open files on the machine a full read is done on the
 * calling thread (which would only wait for `ss` meanwhile): `list --json` with 7.5k open files was 26 ms
 * faster so, with 10.5k 14 ms slower (15 alternating runs each).
 */
export const WORKER_FROM_OPEN_FILES = 8_000;

/** Whether a full read with this many open files on the machine is worth a worker (null: unknown, so yes). */
export function walkWorthAWorker(openFiles: number | null): boolean {
  return openFiles === null || openFiles >= WORKER_FROM_OPEN_FILES;
}

/** The walk startFdLinkWalkEarly() started, until startFdLinkWalkInWorker() takes it. */
let earlyWalk: FdLinkWalk | null = null;

/**
 * Start the worker walk before the caller's code has loaded, for the next startFdLinkWalkInWorker() to
 * take: the CLI does for commands that read the live table, so the worker starts and reads links on the
 * core that sits idle while Node loads the rest of the CLI (~60 ms at 40k sockets). Only with enough open
 * files for a full read to take a worker; returns the walk, or null when none was started.
 */
export function startFdLinkWalkEarly(openFiles = openFilesOnMachine()): FdLinkWalk | null {
  if (!walkWorthAWorker(openFiles)) return null;
  earlyWalk ??= startWalk(FD_LINK_WORKER_SOURCE);
  return earlyWalk;
}

/**
 * Every fd link on the machine, read on another core (a 40k-fd read is ~200 ms of syscalls) and, once
 * `help` is called, on this one too: the walk startFdLinkWalkEarly() started if there is one, else a new
 * one. Its links are null when no worker can start or it fails (the caller reads here). `source` is the
 * worker's (tests give a failing one).
 */
export function startFdLinkWalkInWorker(source = FD_LINK_WORKER_SOURCE): FdLinkWalk {
  const early = earlyWalk;
  earlyWalk = null;
  return early ?? startWalk(source);
}

function startWalk(source: string): FdLinkWalk {
  let worker: Worker;
  try {
    // Its stdio is not piped to ours: that would make process.stdout and process.stderr, which sets the
    // CLI's pipes non-blocking (cli/fd-writer). It prints nothing; a failure comes as an 'error' event.
    worker = new Worker(source, { eval: true, stdout: true, stderr: true });
  } catch {
    return NO_WALK;
  }
  // The thread alone keeps nothing alive; the 'message' listener below, attached after this, refs the
  // worker's port until the walk ends: whoever awaits the links must not see the process exit mid-walk.
  worker.unref();
  let listed!: (links: FdLinks | null) => void;
  const whenListed = new Promise<FdLinks | null>((resolve) => (listed = resolve));
  let ended = false; // done, or failed: a failed walk's links are read again by the caller, not here
  const links = new Promise<FdLinks | null>((resolve) => {
    let shared: FdLinks | null = null;
    worker.on('message', (message: FdLinks | 'done') => {
      if (message !== 'done') {
        shared = message;
        listed(message);
        return;
      }
      ended = true;
      resolve(shared); // every claim is read: ours between our yields, the worker's before 'done'
      void worker.terminate();
    });
    const failed = (): void => {
      ended = true;
      listed(null);
      resolve(null); // no-ops after 'done'
    };
    worker.once('error', failed);
    worker.once('exit', failed);
  });
  return {
    links,
    async help() {
      const shared = await whenListed;
      if (!shared) return;
      const slicer = new Slicer(1); // each step is a claim of 128 links
      while (!ended && readClaimedLinks(fsReads, socketInodeOfLink, shared)) if (slicer.due()) await yieldToLoop();
    },
  };
}
