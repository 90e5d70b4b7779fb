/**
 * The optional native Linux reader (native-reader.c): the socket table from netlink and every fd link,
 * each read on libuv's thread pool. Loaded once, from out/native/ where `npm run build` compiles it when a
 * C compiler is there; null without it, on other systems, or with PORTSCOPE_NATIVE=0. Then the ss
 * collector and the fd walk's worker read the same things, for more CPU (docs/performance.md, fifteenth
 * pass).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SOCKET_RECORD_SIZE } from './decode-socket-records';

/** Every fd link on the machine, each process's together: fd `fds[i]` of `pids[i]` holds socket `inodes[i]` (0: no socket). */
export interface NativeFdLinks {
  /** Processes whose fd table could be listed, with fds or without. */
  readable: Int32Array;
  pids: Int32Array;
  fds: Int32Array;
  inodes: Float64Array;
}

export interface NativeReader {
  /** The kernel's TCP and UDP sockets as records (decode-socket-records.ts). */
  readSockets(): Promise<Buffer>;
  readFdLinks(): Promise<NativeFdLinks>;
}

interface NativeAddon extends NativeReader {
  recordSize: number;
}

/** Where the build puts the addon, from the repository's or the packaged app's root. */
export const NATIVE_READER_PATH = 'out/native/linux-reader.node';

/** The addon in the nearest folder above this module that has it: the source tree, the CLI's bundle and Electron's main all sit under that root. */
function findAddon(): string | null {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = path.join(dir, NATIVE_READER_PATH);
    if (existsSync(file)) return file;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

let loaded: NativeReader | null | undefined;

/** The native reader, or null when there is none to use here. */
export function nativeReader(): NativeReader | null {
  if (loaded !== undefined) return loaded;
  loaded = null;
  if (process.platform !== 'linux' || process.env.PORTSCOPE_NATIVE === '0') return loaded;
  const file = findAddon();
  if (!file) return loaded;
  try {
    const addon = createRequire(import.meta.url)(file) as Partial<NativeAddon>;
    // An addon of another layout (a stale build) would be misread: only the one this code decodes.
    if (addon.recordSize === SOCKET_RECORD_SIZE && typeof addon.readSockets === 'function' && typeof addon.readFdLinks === 'function') {
      loaded = addon as NativeAddon;
    }
  } catch {
    // built for another machine or Node-API version: the JS readers serve
  }
  return loaded;
}

/** Reads startNativeReadsEarly() started, until the first collection takes them. */
let early: { sockets: Promise<Buffer> | null; links: Promise<NativeFdLinks> | null } | null = null;

/**
 * Start both reads now, before the caller's code has loaded (the CLI does for commands that read the live
 * table): the kernel's work then runs on the thread pool while Node loads the rest. False without the reader.
 */
export function startNativeReadsEarly(): boolean {
  const reader = nativeReader();
  if (!reader || early) return reader !== null;
  early = { sockets: reader.readSockets(), links: reader.readFdLinks() };
  // Whoever takes a read sees its failure; one nobody takes must not be an unhandled rejection.
  early.sockets!.catch(() => undefined);
  early.links!.catch(() => undefined);
  return true;
}

/** The socket records: the early read if one is waiting, else a new read. */
export function readSocketsNatively(reader: NativeReader): Promise<Buffer> {
  const waiting = early?.sockets;
  if (early) early.sockets = null;
  return waiting ?? reader.readSockets();
}

/** Every fd link: the early read if one is waiting, else a new read. */
export function readFdLinksNatively(reader: NativeReader): Promise<NativeFdLinks> {
  const waiting = early?.links;
  if (early) early.links = null;
  return waiting ?? reader.readFdLinks();
}
