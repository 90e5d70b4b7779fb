/**
 * Socket inode -> owning pids, by reading every /proc/<pid>/fd/* link (`socket:[12345]`). This is what
 * ss does through netlink + /proc too, and the expensive part of an owner table. Processes we may not
 * read (EACCES: other users when not root) or that exit mid-walk (ENOENT) are skipped and counted.
 */
import { readdir, readlink } from 'node:fs/promises';

export interface FdWalkResult {
  /** inode -> pids holding it, in pid order. */
  owners: Map<number, number[]>;
  /** Processes whose fd table we could not read. */
  unreadable: number;
}

const SOCKET_LINK = /^socket:\[(\d+)\]$/;

async function socketInodesOf(pid: number): Promise<number[] | null> {
  let fds: string[];
  try {
    fds = await readdir(`/proc/${pid}/fd`);
  } catch {
    return null;
  }
  const links = await Promise.all(fds.map((fd) => readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')));
  const inodes: number[] = [];
  for (const link of links) {
    const m = SOCKET_LINK.exec(link);
    if (m) inodes.push(Number(m[1]));
  }
  return inodes;
}

/** Walk every process; only inodes in `wanted` are recorded (an empty set records none). */
export async function walkSocketOwners(wanted: ReadonlySet<number>): Promise<FdWalkResult> {
  const owners = new Map<number, number[]>();
  let unreadable = 0;
  if (wanted.size === 0) return { owners, unreadable };
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name)).map(Number).sort((a, b) => a - b);
  const perPid = await Promise.all(pids.map((pid) => socketInodesOf(pid)));
  perPid.forEach((inodes, i) => {
    if (inodes === null) {
      unreadable++;
      return;
    }
    const pid = pids[i]!;
    for (const inode of inodes) {
      if (!wanted.has(inode)) continue;
      const list = owners.get(inode);
      if (!list) owners.set(inode, [pid]);
      else if (!list.includes(pid)) list.push(pid);
    }
  });
  return { owners, unreadable };
}
