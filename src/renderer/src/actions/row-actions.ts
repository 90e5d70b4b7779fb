/**
 * Which row actions are possible and why not: shown as disabled menu items with the reason, the way
 * the API or the OS would refuse them. Pure.
 */
import type { SocketRow } from '../../../shared/types';
import { MAC_CLOSE_REASON } from '../../../shared/actions';
import type { ActionName } from '../store/app-store';

/** null = available; otherwise the reason to show. */
export type Availability = string | null;

export function killAvailability(row: SocketRow, unavailable: Partial<Record<ActionName, string>>): Availability {
  if (unavailable.kill) return unavailable.kill;
  if (row.pid === null) return row.ownerHidden ?? 'The owner of this socket is not known, so there is nothing to end.';
  if (row.pid === 0 || row.pid === 4) return 'This socket belongs to the operating system kernel.';
  return null;
}

/** `platform` is the engine's (the snapshot's), not the browser's: `portscope web` may be viewed from elsewhere. */
export function closeAvailability(row: SocketRow, unavailable: Partial<Record<ActionName, string>>, platform: string | null = null): Availability {
  if (platform === 'darwin') return MAC_CLOSE_REASON; // said up front: main refuses every close there the same way
  if (row.protocol !== 'tcp' || row.state !== 'ESTABLISHED' || row.remoteAddress === null || row.remotePort === null) {
    return 'Only established TCP connections can be closed.';
  }
  return unavailable.close ?? null;
}

export function openFolderAvailability(row: SocketRow, unavailable: Partial<Record<ActionName, string>>): Availability {
  if (unavailable.openPath) return unavailable.openPath;
  if (!row.processPath) return 'The process path is not known.';
  return null;
}

/** The folder holding an executable, for Windows and POSIX paths alike. */
export function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (cut <= 0) return path.startsWith('/') ? '/' : path;
  // Keep "C:\" rather than "C:".
  return /^[A-Za-z]:$/.test(path.slice(0, cut)) ? path.slice(0, cut + 1) : path.slice(0, cut);
}
