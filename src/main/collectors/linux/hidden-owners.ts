/**
 * Rows whose owner the OS hides get `ownerHidden` with the reason, and the Collection a note saying what
 * to do when more rights would show them (other users' sockets, not root). A socket no process visibly
 * holds (kernel, another PID namespace) gets its reason on the row only: elevation would not help. A socket with inode 0 (TIME_WAIT, orphaned FIN_WAIT) has no owner at all: nothing is hidden.
 */
import type { RawSocket } from '../../../shared/types';

export interface HiddenOwnerContext {
  /** Our effective uid (null when unknown). */
  euid: number | null;
  userName(uid: number): string | null;
}

function ownerless(row: RawSocket): boolean {
  return row.owners.length === 0 && row.state !== 'TIME_WAIT' && row.inode !== 0;
}

/** Mark hidden owners in place; returns the Collection's `ownersHidden` note (null when none). */
export function markHiddenOwners(rows: RawSocket[], ctx: HiddenOwnerContext): string | null {
  let otherUsers = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!; // indexed: see engine's row loops
    if (!ownerless(row)) {
      row.ownerHidden = null; // rows are reused between polls: clear what an earlier poll set
      continue;
    }
    const foreign = ctx.euid !== 0 && (row.uid === null || row.uid !== ctx.euid);
    if (foreign) {
      otherUsers++;
      const who = row.uid === null ? 'another user' : `uid ${row.uid}${nameSuffix(ctx.userName(row.uid))}`;
      row.ownerHidden = `owned by ${who}; run as root to see the process`;
    } else {
      row.ownerHidden = 'no visible process holds it: a kernel socket, another PID namespace (container), or a process whose /proc entry may not be read';
    }
  }
  // The note is for what rights would show; a socket no process visibly holds says why on its own row.
  return otherUsers ? `${otherUsers} socket(s) belong to other users, whose processes are hidden: run portscope as root (sudo) to see every owner.` : null;
}

function nameSuffix(name: string | null): string {
  return name && !/^\d+$/.test(name) ? ` (${name})` : '';
}
