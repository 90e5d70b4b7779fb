/**
 * Low-level /proc readers for the socket owner index: the pid list, one process's fd names, and the socket
 * inode an fd link points to (`socket:[12345]`). Sync on purpose: one readlink per open fd is the
 * expensive part of an owner table, and sync readlinks have about twice the throughput of fs/promises,
 * which pays a thread-pool hop per link. Callers yield to the event loop between slices.
 */
import { readdirSync, readlinkSync } from 'node:fs';

/** Every numeric /proc entry, ascending. */
export function listPids(): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    const code = name.charCodeAt(0);
    if (code >= 48 && code <= 57) pids.push(Number(name));
  }
  return pids.sort((a, b) => a - b);
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
  let link: string;
  try {
    link = readlinkSync(fdPath);
  } catch {
    return 0;
  }
  return link.startsWith('socket:[') ? Number(link.slice(8, -1)) : 0;
}
