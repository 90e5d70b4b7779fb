/** Pure parsers for the /proc files process facts come from (Linux). */

export interface ProcStat {
  /** The kernel comm (<= 15 chars; may hold spaces and parentheses). */
  comm: string;
  parentPid: number;
  /** Field 22: start time in clock ticks after boot. Unique per process: tells a reused pid apart. */
  startTicks: number;
}

/**
 * /proc/<pid>/stat: `pid (comm) state ppid … starttime(22) …`. The comm may contain `)` and spaces, so
 * the fields are counted after the LAST `)`.
 */
export function parseProcStat(text: string): ProcStat | null {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  const fields = text.slice(close + 1).trim().split(/\s+/);
  // fields[0] is field 3 (state); field N is fields[N - 3]
  const parentPid = Number(fields[1]);
  const startTicks = Number(fields[19]);
  if (!Number.isInteger(parentPid) || !Number.isInteger(startTicks) || fields[19] === undefined) return null;
  return { comm: text.slice(open + 1, close), parentPid, startTicks };
}

/** /proc/stat `btime <seconds since epoch>`. */
export function parseBootTime(text: string): number | null {
  const m = /^btime\s+(\d+)/m.exec(text);
  return m ? Number(m[1]) : null;
}

/** /proc/<pid>/status `Uid: real effective saved fs` -> the real uid. */
export function parseStatusUid(text: string): number | null {
  const m = /^Uid:\s+(\d+)/m.exec(text);
  return m ? Number(m[1]) : null;
}

/** /proc/<pid>/cmdline: NUL-separated argv; arguments with spaces are quoted for display. */
export function parseCmdline(text: string): string | null {
  const args = text.split('\0');
  // a process that rewrote its title (process.title, setproctitle) leaves NUL padding: trailing empty args
  while (args.length && args[args.length - 1] === '') args.pop();
  if (args.length === 0) return null;
  return args.map((a) => (/[\s"]/.test(a) || a === '' ? `"${a.replace(/"/g, '\\"')}"` : a)).join(' ');
}

/** /etc/passwd -> uid -> user name. */
export function parsePasswd(text: string): Map<number, string> {
  const users = new Map<number, string>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const [name, , uid] = line.split(':');
    if (name && uid && /^\d+$/.test(uid) && !users.has(Number(uid))) users.set(Number(uid), name);
  }
  return users;
}

/** Linux USER_HZ: 100 on every architecture the kernel exports to user space. */
const CLOCK_TICKS_PER_SECOND = 100;

export function startTimeIso(bootTimeSeconds: number, startTicks: number): string {
  return new Date(bootTimeSeconds * 1000 + (startTicks * 1000) / CLOCK_TICKS_PER_SECOND).toISOString();
}
