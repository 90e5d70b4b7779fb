/**
 * Pure parser for macOS `ps -o pid,lstart,user,comm,args` (with or without the header, i.e. also
 * `-o pid=,lstart=,…`). `lstart` is a fixed `Sun Nov 22 03:56:18 2026` (local time, one-second
 * precision: with the pid it tells a reused pid apart). `comm` is the executable path and may contain
 * spaces (`/Applications/Google Chrome.app/…`), so comm and args are split where args starts with comm.
 */
import path from 'node:path';
import type { ProcessFacts } from '../../../shared/types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ROW = /^\s*(\d+)\s+\w{3}\s+(\w{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+(\d{4})\s+(\S+)\s+(.*)$/;

export interface PsParse {
  byPid: Map<number, ProcessFacts>;
  unparsed: string[];
}

export function parsePsLstart(text: string): PsParse {
  const byPid = new Map<number, ProcessFacts>();
  const unparsed: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || /^\s*PID\b/.test(line)) continue;
    const m = ROW.exec(line);
    const month = m ? MONTHS.indexOf(m[2]) : -1;
    if (!m || month < 0) {
      unparsed.push(line);
      continue;
    }
    const started = new Date(Number(m[7]), month, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
    const { comm, args } = splitCommArgs(m[9].trimEnd());
    const pid = Number(m[1]);
    byPid.set(pid, {
      pid,
      name: comm ? path.posix.basename(comm) : null,
      path: comm.startsWith('/') ? comm : null,
      command: args || null,
      user: m[8],
      started: Number.isNaN(started.getTime()) ? null : started.toISOString(),
      startKey: `${m[7]}-${month + 1}-${m[3]} ${m[4]}:${m[5]}:${m[6]}`,
      services: [],
      parentPid: null,
    });
  }
  return { byPid, unparsed };
}

/** Split "comm args" at the space after which args begins with comm (or its basename); else at the first space. */
export function splitCommArgs(rest: string): { comm: string; args: string } {
  const spaces: number[] = [];
  for (let i = 0; i < rest.length; i++) if (rest[i] === ' ' && rest[i + 1] !== ' ') spaces.push(i);
  for (const at of spaces) {
    const comm = rest.slice(0, at).trimEnd();
    const args = rest.slice(at + 1);
    if (args.startsWith(comm) || args.startsWith(path.posix.basename(comm))) return { comm, args };
  }
  if (spaces.length === 0) return { comm: rest, args: '' };
  return { comm: rest.slice(0, spaces[0]).trimEnd(), args: rest.slice(spaces[0] + 1) };
}
