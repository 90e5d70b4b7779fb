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
import { SOCKET_RECORD_SIZE } from './socket-record';

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
const NATIVE_READER_PATH = 'out/native/linux-reader.node';

/**
 * The addon where the build puts it, seen from this module: the source tree (tests), the CLI's bundle
 * (out/cli, out/cli/chunks) and Electron's main (out/main, also inside the packaged app). Only these
 * places inside the package: a library found anywhere else would run its code as whoever runs PortScope.
 * Null where this module was bundled to CommonJS (no import.meta.url: a test's one-file bundle).
 */
function findAddon(): string | null {
  const url = import.meta.url as string | undefined;
  if (!url) return null;
  const here = path.dirname(fileURLToPath(url));
  const candidates = [
    path.resolve(here, '../native/linux-reader.node'), // out/main, out/cli
    path.resolve(here, '../../native/linux-reader.node'), // out/cli/chunks
    path.resolve(here, '../../../../', NATIVE_READER_PATH), // src/main/collectors/linux
  ];
  return candidates.find((file) => existsSync(file)) ?? null;
}

let loaded: NativeReader | null | undefined;

/** The native reader, or null when there is none to use here. */
export function nativeReader(): NativeReader | null {
  if (loaded !== undefined) return loaded;
  loaded = null;
  if (process.platform !== 'linux' || process.env.PORTSCOPE_NATIVE === '0') return loaded;
  try {
    const file = findAddon();
    if (!file) return loaded;
    const addon = createRequire(file)(file) as Partial<NativeAddon>;
    // An addon of another layout (a stale build) would be misread: only the one this code decodes.
    if (addon.recordSize === SOCKET_RECORD_SIZE && typeof addon.readSockets === 'function' && typeof addon.readFdLinks === 'function') {
      loaded = addon as NativeAddon;
    }
  } catch {
    // built for another machine or Node-API version, or unreadable: the JS readers serve
  }
  return loaded;
}

/** Reads startNativeReadsEarly() started, each until the first collection takes it. */
let earlySockets: Promise<Buffer> | null = null;
let earlyLinks: Promise<NativeFdLinks> | null = null;
let startedEarly = false;

/**
 * Start both reads now, before the caller's code has loaded (the CLI does for commands that read the live
 * table): the kernel's work then runs on the thread pool while Node loads the rest. False without the reader.
 */
export function startNativeReadsEarly(): boolean {
  const reader = nativeReader();
  if (!reader || startedEarly) return reader !== null;
  startedEarly = true;
  earlySockets = reader.readSockets();
  earlyLinks = reader.readFdLinks();
  // Whoever takes a read sees its failure; one nobody takes must not be an unhandled rejection.
  earlySockets.catch(() => undefined);
  earlyLinks.catch(() => undefined);
  return true;
}

/** The socket records: the early read if one is waiting, else a new read. */
export function readSocketsNatively(reader: NativeReader): Promise<Buffer> {
  const read = earlySockets ?? reader.readSockets();
  earlySockets = null;
  return read;
}

/** Every fd link: the early read if one is waiting, else a new read. */
export function readFdLinksNatively(reader: NativeReader): Promise<NativeFdLinks> {
  const read = earlyLinks ?? reader.readFdLinks();
  earlyLinks = null;
  return read;
}
