import { describe, expect, it } from 'vitest';
import { SocketOwnerIndex, type ProcFdReader } from '../../../../src/main/collectors/linux/socket-owner-index';
import type { FdLinks, FdLinkWalk } from '../../../../src/main/collectors/linux/proc-fd-walk';

/** A made-up /proc: pid -> fd -> what the link points to (socket inode, or 0 for a file/pipe). */
class FakeProc implements ProcFdReader {
  links = 0;
  constructor(public table: Map<number, Map<string, number>>, public unreadable = new Set<number>()) {}
  listPids(): number[] {
    return [...this.table.keys(), ...this.unreadable].sort((a, b) => a - b);
  }
  fdNames(pid: number): string[] | null {
    if (this.unreadable.has(pid)) return null;
    const fds = this.table.get(pid);
    return fds ? [...fds.keys()] : null;
  }
  socketInodeAt(path: string): number {
    this.links++;
    const [, , pid, , fd] = path.split('/');
    return this.table.get(Number(pid))?.get(fd!) ?? 0;
  }
}

const fds = (entries: Record<string, number>): Map<string, number> => new Map(Object.entries(entries));

/** The fake /proc as a worker walk lays it out: flat, in pid order, no link read yet (inodes 0). */
function unreadLinks(proc: FakeProc): { links: FdLinks; truth: number[] } {
  const entries = [...proc.table].sort(([a], [b]) => a - b).flatMap(([pid, table]) => [...table].map(([fd, inode]) => ({ pid, fd: Number(fd), inode })));
  const links: FdLinks = {
    readable: [...proc.table.keys()].sort((a, b) => a - b),
    claimed: new Int32Array(1),
    pids: Int32Array.from(entries, (e) => e.pid),
    fds: Int32Array.from(entries, (e) => e.fd),
    inodes: new Float64Array(entries.length),
  };
  return { links, truth: entries.map((e) => e.inode) };
}
const sockets = (...inodes: number[]): Map<number, number | null> => new Map(inodes.map((inode) => [inode, 0]));

function setup(): { proc: FakeProc; index: SocketOwnerIndex; clock: { now: number } } {
  const proc = new FakeProc(
    new Map([
      [100, fds({ '0': 0, '1': 0, '3': 5001, '4': 5002 })],
      [200, fds({ '0': 0, '5': 6001 })],
    ]),
  );
  const clock = { now: 0 };
  const index = new SocketOwnerIndex({ proc, euid: 0, fullReadEveryMs: 30_000, clock: () => clock.now });
  return { proc, index, clock };
}

describe('SocketOwnerIndex', () => {
  it('reads every link once, then answers an unchanged table without reading any', async () => {
    const { proc, index } = setup();
    const first = await index.resolve(sockets(5001, 5002, 6001));
    expect(first.owners).toEqual(new Map([[5001, [100]], [5002, [100]], [6001, [200]]]));
    expect(first.linksRead).toBe(6);
    proc.links = 0;
    const again = await index.resolve(sockets(5001, 5002, 6001));
    expect(again.owners.get(6001)).toEqual([200]);
    expect(again.linksRead).toBe(0);
    expect(proc.links).toBe(0);
  });

  it('finds a new socket on a new fd by reading only that link', async () => {
    const { proc, index } = setup();
    await index.resolve(sockets(5001, 5002, 6001));
    proc.table.get(200)!.set('6', 6002);
    const next = await index.resolve(sockets(5001, 5002, 6001, 6002));
    expect(next.owners.get(6002)).toEqual([200]);
    expect(next.linksRead).toBe(1);
  });

  it('re-reads an fd whose socket closed, and finds the socket that took its number', async () => {
    const { proc, index } = setup();
    await index.resolve(sockets(5001, 5002, 6001));
    proc.table.get(100)!.set('4', 5003); // 5002 closed, fd 4 reused
    const next = await index.resolve(sockets(5001, 5003, 6001));
    expect(next.owners.get(5003)).toEqual([100]);
    expect(next.owners.has(5002)).toBe(false);
  });

  it('finds a socket that took the number of a closed file descriptor', async () => {
    const { proc, index } = setup();
    await index.resolve(sockets(5001, 5002, 6001));
    proc.table.get(200)!.set('0', 6003); // fd 0 was a file, now a socket
    const next = await index.resolve(sockets(5001, 5002, 6001, 6003));
    expect(next.owners.get(6003)).toEqual([200]);
  });

  it('finds a new process and lists every owner of a shared socket, ascending', async () => {
    const { proc, index } = setup();
    await index.resolve(sockets(5001, 5002, 6001));
    proc.table.set(50, fds({ '3': 5001, '7': 7001 })); // a child that inherited 5001 and opened 7001
    const next = await index.resolve(sockets(5001, 5002, 6001, 7001));
    expect(next.owners.get(7001)).toEqual([50]);
    expect(next.owners.get(5001)).toEqual([50, 100]);
  });

  it('drops the owners of processes that exited', async () => {
    const { proc, index } = setup();
    await index.resolve(sockets(5001, 5002, 6001));
    proc.table.delete(200);
    const next = await index.resolve(sockets(5001, 5002, 6001));
    expect(next.owners.has(6001)).toBe(false);
  });

  it('reads the tables here, process by process, when no worker could read them', async () => {
    const { proc } = setup();
    const noWorker = Object.assign(proc, { startFdLinkWalkInWorker: (): FdLinkWalk => ({ links: Promise.resolve(null), help: async () => undefined }) });
    const index = new SocketOwnerIndex({ proc: noWorker, euid: 0, clock: () => 0 });
    const lookup = await index.resolve(sockets(5001, 6001));
    expect([lookup.owners.get(5001), lookup.owners.get(6001)]).toEqual([[100], [200]]);
    expect(lookup.linksRead).toBe(6);
  });

  it('starts a worker for a full read only when the machine has many open files (or their count is unknown)', async () => {
    for (const [open, wantWorker] of [
      [500, false],
      [7_999, false],
      [8_000, true],
      [40_000, true],
      [null, true],
    ] as const) {
      const { proc } = setup();
      let workerAsked = false;
      const reader = Object.assign(proc, {
        openFilesOnMachine: () => open,
        // The worker's answer: every link, read elsewhere (no link is read through `proc` then).
        startFdLinkWalkInWorker: (): FdLinkWalk => {
          workerAsked = true;
          const { links, truth } = unreadLinks(proc);
          links.inodes.set(truth);
          return { links: Promise.resolve(links), help: async () => undefined };
        },
      });
      const index = new SocketOwnerIndex({ proc: reader, euid: 0, clock: () => 0 });
      const lookup = await index.resolve(sockets(5001, 6001));
      expect([open, workerAsked]).toEqual([open, wantWorker]);
      expect([lookup.owners.get(5001), lookup.owners.get(6001)]).toEqual([[100], [200]]);
      expect([lookup.linksRead, proc.links]).toEqual([6, wantWorker ? 0 : 6]); // 6 fds, read by the worker or here
    }
  });

  it('takes a full read from the native reader first, at any size; without it (null) or when it fails, reads as before', async () => {
    for (const native of ['reads', 'absent', 'fails'] as const) {
      const { proc } = setup();
      let workerAsked = false;
      const everyLink = (): FdLinks => {
        const { links, truth } = unreadLinks(proc);
        links.inodes.set(truth);
        return links;
      };
      const reader = Object.assign(proc, {
        openFilesOnMachine: () => 500, // few: no worker unless it is the only way
        startNativeFdLinkWalk: (): FdLinkWalk | null =>
          native === 'absent' ? null : { links: Promise.resolve(native === 'reads' ? everyLink() : null), help: async () => undefined },
        startFdLinkWalkInWorker: (): FdLinkWalk => {
          workerAsked = true;
          return { links: Promise.resolve(everyLink()), help: async () => undefined };
        },
      });
      const index = new SocketOwnerIndex({ proc: reader, euid: 0, clock: () => 0 });
      const lookup = await index.resolve(sockets(5001, 6001));
      expect([native, workerAsked]).toEqual([native, false]); // 500 open files: no worker either way
      expect([lookup.owners.get(5001), lookup.owners.get(6001)]).toEqual([[100], [200]]);
      expect([native, proc.links]).toEqual([native, native === 'reads' ? 0 : 6]); // read natively, or here process by process
    }
  });

  it('joins the worker’s full read instead of only waiting for it: the links this thread reads count', async () => {
    const { proc } = setup();
    const { links, truth } = unreadLinks(proc);
    let helped = false;
    const reader = Object.assign(proc, {
      openFilesOnMachine: () => null,
      // The worker reads the first half; the rest only if the waiting thread helps (as a claim would hand out).
      startFdLinkWalkInWorker: (): FdLinkWalk => ({
        links: new Promise<FdLinks>((resolve) => setTimeout(() => resolve(links), 10)),
        help: async () => {
          helped = true;
          for (let i = links.inodes.length >> 1; i < links.inodes.length; i++) links.inodes[i] = truth[i]!;
        },
      }),
    });
    for (let i = 0; i < links.inodes.length >> 1; i++) links.inodes[i] = truth[i]!;
    const index = new SocketOwnerIndex({ proc: reader, euid: 0, clock: () => 0 });
    const lookup = await index.resolve(sockets(5001, 5002, 6001));
    expect(helped).toBe(true);
    expect(lookup.owners).toEqual(new Map([[5001, [100]], [5002, [100]], [6001, [200]]]));
    expect(proc.links).toBe(0); // nothing read process by process
  });

  it('does not search again for a socket nobody holds, until the next full read', async () => {
    const { proc, index, clock } = setup();
    await index.resolve(sockets(5001, 5002, 6001, 9999)); // 9999: a kernel socket
    const second = await index.resolve(sockets(5001, 5002, 6001, 9999));
    expect(second.owners.has(9999)).toBe(false);
    proc.links = 0;
    const third = await index.resolve(sockets(5001, 5002, 6001, 9999));
    expect(third.linksRead).toBe(0);
    clock.now = 30_000;
    proc.links = 0;
    const full = await index.resolve(sockets(5001, 5002, 6001, 9999));
    expect(full.linksRead).toBe(6); // every link again
    proc.links = 0;
    const afterFull = await index.resolve(sockets(5001, 5002, 6001, 9999));
    expect(proc.links).toBe(0); // ownerless before and through the full read: not looked for again
    expect(afterFull.owners.has(9999)).toBe(false);
    await index.resolve(sockets(5001, 5002, 6001, 9999, 7777));
    expect(proc.links).toBe(3); // a socket new since the read is looked for (here: the non-socket fds re-read)
  });

  it('corrects on the full read what the shortcut cannot see: an fd reused while its socket lives on elsewhere', async () => {
    const { proc, index, clock } = setup();
    proc.table.set(300, fds({ '3': 5001 })); // 5001 shared by 100 and 300
    await index.resolve(sockets(5001, 5002, 6001));
    proc.table.get(100)!.set('3', 0); // 100 closed its copy and reused fd 3 for a file
    expect((await index.resolve(sockets(5001, 5002, 6001))).owners.get(5001)).toEqual([100, 300]); // not seen yet
    clock.now = 30_000;
    expect((await index.resolve(sockets(5001, 5002, 6001))).owners.get(5001)).toEqual([300]);
  });

  it('does not search the unreadable fd tables of other users when not root', async () => {
    const proc = new FakeProc(new Map([[100, fds({ '3': 5001 })]]), new Set([400]));
    const index = new SocketOwnerIndex({ proc, euid: 1000, clock: () => 0 });
    await index.resolve(new Map([[5001, 1000]]));
    proc.links = 0;
    const next = await index.resolve(
      new Map([
        [5001, 1000],
        [8001, 0], // root's socket: its owner is hidden from us
      ]),
    );
    expect(next.owners.has(8001)).toBe(false);
    expect(next.linksRead).toBe(0);
  });
});
