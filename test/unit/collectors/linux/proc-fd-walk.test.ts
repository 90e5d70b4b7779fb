import { describe, expect, it } from 'vitest';
import { readClaimedLinks, type FdLinks, type FsReads } from '../../../../src/main/collectors/linux/proc-fd-walk';

/** 300 links of pid 7, fds 0..299: even fds are sockets 1000 + fd, odd ones files; fd 5 closes before it is read. */
function walkOf300(): { links: FdLinks; fs: FsReads & { reads: string[] } } {
  const count = 300;
  const links: FdLinks = {
    readable: [7],
    claimed: new Int32Array(1),
    pids: new Int32Array(count).fill(7),
    fds: Int32Array.from({ length: count }, (_, i) => i),
    inodes: new Float64Array(count).fill(-1), // "never written"
  };
  const reads: string[] = [];
  const fs = {
    reads,
    readdirSync: (): string[] => [],
    readlinkSync(path: string): string {
      reads.push(path);
      const fd = Number(path.split('/').pop());
      if (fd === 5) throw new Error('ENOENT');
      return fd % 2 === 0 ? `socket:[${1000 + fd}]` : '/dev/null';
    },
  };
  return { links, fs };
}

const inodeOfLink = (link: string): number => (link.startsWith('socket:[') ? Number(link.slice(8, -1)) : 0);

describe('readClaimedLinks (how the fd walk’s worker and the waiting thread share the links)', () => {
  it('claims 128 links at a time and reads each once, whoever claims it, until none is left', () => {
    const { links, fs } = walkOf300();
    const claimsOfA: boolean[] = [];
    const claimsOfB: boolean[] = [];
    // Two readers taking turns, as the worker and the main thread do through the shared counter.
    for (let turn = 0; turn < 4; turn++) (turn % 2 === 0 ? claimsOfA : claimsOfB).push(readClaimedLinks(fs, inodeOfLink, links));
    expect(claimsOfA).toEqual([true, true]); // links 0-127, then 256-299
    expect(claimsOfB).toEqual([true, false]); // links 128-255, then nothing left
    expect(fs.reads).toHaveLength(300);
    expect(new Set(fs.reads).size).toBe(300);
    expect(fs.reads[0]).toBe('/proc/7/fd/0');
    expect(links.inodes[4]).toBe(1004);
    expect(links.inodes[3]).toBe(0); // a file
    expect(links.inodes[5]).toBe(0); // closed while we looked
    expect(links.inodes.every((inode) => inode >= 0)).toBe(true); // every link written
  });

  it('reads nothing more once every link is claimed', () => {
    const { links, fs } = walkOf300();
    Atomics.store(links.claimed, 0, 300);
    expect(readClaimedLinks(fs, inodeOfLink, links)).toBe(false);
    expect(fs.reads).toEqual([]);
  });
});
