/**
 * Run as a child by fd-table-worker.test.ts: starts the fd walk's worker, then reports whether fd 1 and 2
 * turned non-blocking (what making `process.stdout`/`process.stderr` does), and as a control whether
 * making `process.stdout` afterwards does. Prints one JSON line with blocking writes.
 */
import { readFileSync, writeSync } from 'node:fs';
import { startFdLinkWalkInWorker } from '../../src/main/collectors/linux/proc-fd-walk';

const O_NONBLOCK = 0o4000;
const nonBlocking = (fd: number): boolean => {
  const flags = /^flags:\s+([0-7]+)$/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'latin1'))?.[1];
  if (flags === undefined) throw new Error(`no flags in /proc/self/fdinfo/${fd}`);
  return (Number.parseInt(flags, 8) & O_NONBLOCK) !== 0;
};

const before = [nonBlocking(1), nonBlocking(2)];
const links = await startFdLinkWalkInWorker().links;
const afterWorker = [nonBlocking(1), nonBlocking(2)];
void process.stdout; // the control: making the stream sets the fd non-blocking
const afterStream = nonBlocking(1);
writeSync(1, `${JSON.stringify({ tables: links?.readable.length ?? 0, before, afterWorker, afterStream })}\n`);
