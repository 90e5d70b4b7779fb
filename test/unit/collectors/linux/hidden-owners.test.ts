import { describe, expect, it } from 'vitest';
import { markHiddenOwners } from '../../../../src/main/collectors/linux/hidden-owners';
import type { RawSocket } from '../../../../src/shared/types';

const row = (over: Partial<RawSocket>): RawSocket => ({
  protocol: 'tcp', family: 4, localAddress: '0.0.0.0', localPort: 22, localScope: null, remoteAddress: null, remotePort: null,
  remoteScope: null, state: 'LISTEN', owners: [], uid: 0, ownerHidden: null, dualStack: false, ...over,
});
const names = (uid: number): string | null => (uid === 0 ? 'root' : null);

describe('markHiddenOwners', () => {
  it('as a normal user: other users sockets say whose they are and what to do', () => {
    const rows = [row({ uid: 0 }), row({ uid: 1000, owners: [{ pid: 5, processName: 'x' }] }), row({ state: 'TIME_WAIT', uid: 0 }), row({ uid: 0, inode: 0, state: 'FIN_WAIT_2' })];
    const note = markHiddenOwners(rows, { euid: 1000, userName: names });
    expect(rows[0]!.ownerHidden).toBe('owned by uid 0 (root); run as root to see the process');
    expect(rows[1]!.ownerHidden).toBeNull();
    expect(rows[2]!.ownerHidden).toBeNull(); // TIME_WAIT has no owner to hide
    expect(rows[3]!.ownerHidden).toBeNull(); // inode 0: orphaned
    expect(note).toMatch(/run portscope as root/);
  });

  it('as root: an ownerless socket is explained without asking for root', () => {
    const rows = [row({ uid: 0 })];
    const note = markHiddenOwners(rows, { euid: 0, userName: names });
    expect(rows[0]!.ownerHidden).toMatch(/no visible process/);
    expect(note).toBeNull(); // nothing that running elevated would show
    expect(markHiddenOwners([row({ owners: [{ pid: 1, processName: 'a' }] })], { euid: 0, userName: names })).toBeNull();
  });
});
