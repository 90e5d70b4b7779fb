/** The steps live Linux collectors share once they have a socket table. */
import type { RawSocket, SocketOwner } from '../../../shared/types';
import type { Collection } from '../types';
import { markHiddenOwners } from './hidden-owners';
import { SocketOwnerIndex } from './socket-owner-index';
import { cachedUserName, userName } from '../../process/linux/user-names';

/** Rows without a visible owner share this one (frozen: nobody may add to it). */
const NO_OWNERS: SocketOwner[] = Object.freeze([]) as unknown as SocketOwner[];

/**
 * Live Linux collectors' owner state between polls: the socket owner index, and one owner list per
 * process that rows share — the same list from poll to poll, so the engine can reuse unchanged rows.
 */
export class LiveOwners {
  private lists = new Map<number, SocketOwner[]>();

  constructor(private readonly index = new SocketOwnerIndex()) {}

  /** Start a due full fd read now (it needs no socket table: collectors overlap it with their tool). */
  prefetch(): void {
    this.index.prefetch();
  }

  /** Owners by socket inode (names are joined later by the engine from process facts). */
  async attach(rows: RawSocket[]): Promise<void> {
    const sockets = new Map<number, number | null>();
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!; // indexed: see engine's row loops
      if (row.inode) sockets.set(row.inode, row.uid);
    }
    const { owners } = await this.index.resolve(sockets);
    const lists = new Map<number, SocketOwner[]>();
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const pids = row.inode ? owners.get(row.inode) : undefined;
      if (!pids) row.owners = NO_OWNERS;
      else if (pids.length > 1) row.owners = pids.map((pid) => ({ pid, processName: null }));
      else {
        const pid = pids[0]!;
        let list = lists.get(pid);
        if (!list) {
          list = this.lists.get(pid) ?? [{ pid, processName: null }];
          lists.set(pid, list); // once per process, not once per socket
        }
        row.owners = list;
      }
    }
    this.lists = lists;
  }
}

/** The last step: hidden-owner marking with user names. */
export async function finishLinuxCollection(rows: RawSocket[], unparsedLines: number): Promise<Collection> {
  await userName(0); // loads /etc/passwd once
  const ownersHidden = markHiddenOwners(rows, {
    euid: typeof process.geteuid === 'function' ? process.geteuid() : null,
    userName: cachedUserName,
  });
  return { rows, unparsedLines, ownersHidden };
}
