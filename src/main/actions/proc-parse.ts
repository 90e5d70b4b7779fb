/**
 * Pure parsers for the process facts the actions need and the socket collectors do not give:
 * the parent/start-time table (for trees and ancestors) and the cgroup (for supervisors).
 */

/** One process in the parent table. `startKey` is comparable only within one platform's reader. */
export interface ProcEntry {
  pid: number;
  ppid: number;
  name: string | null;
  /** Linux: stat field 22 (ticks); Windows: creation FILETIME; macOS: null (ps gives no precise start). */
  startKey: string | null;
  /** Linux state letter (`Z` = zombie: already dead, waiting for its parent). */
  state?: string;
}

/** The state letter of `/proc/<pid>/stat` (field 3, after the last `)`): `Z` zombie, `X` dead. */
export function procStatState(text: string): string | null {
  const close = text.lastIndexOf(')');
  return close < 0 ? null : (text.slice(close + 1).trim().split(/\s+/)[0] ?? null);
}

export interface CgroupFacts {
  /** systemd system unit (`nginx.service`) when the process runs in one; user-session scopes are not supervisors. */
  systemdUnit: string | null;
  /** Full docker container id when the process runs in a container. */
  dockerContainer: string | null;
}

/**
 * `/proc/<pid>/cgroup`: v2 is one line `0::/system.slice/nginx.service`; v1 has many `N:ctrl:/path` lines.
 * Docker: `/system.slice/docker-<64 hex>.scope` (systemd driver) or `/docker/<64 hex>` (cgroupfs driver).
 */
export function parseCgroup(text: string): CgroupFacts {
  let systemdUnit: string | null = null;
  let dockerContainer: string | null = null;
  for (const line of text.split('\n')) {
    const path = line.split(':').slice(2).join(':').trim();
    if (!path) continue;
    const docker = /(?:docker-|\/docker\/)([0-9a-f]{64})/.exec(path);
    if (docker) dockerContainer ??= docker[1] ?? null;
    // The last *.service segment outside user sessions: /system.slice/nginx.service, /system.slice/foo.service/sub
    if (!/\/user\.slice\//.test(path)) {
      const units = path.split('/').filter((seg) => /^[^/]+\.service$/.test(seg));
      const unit = units[units.length - 1];
      if (unit && !systemdUnit) systemdUnit = unit;
    }
  }
  return { systemdUnit, dockerContainer };
}

/** `ps -A -o pid=,ppid=,comm=` (macOS): `  812     1 /usr/sbin/httpd`. */
export function parsePsTable(text: string): ProcEntry[] {
  const out: ProcEntry[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const command = (m[3] ?? '').trim();
    out.push({ pid: Number(m[1]), ppid: Number(m[2]), name: command ? (command.split('/').pop() ?? command) : null, startKey: null });
  }
  return out;
}

/**
 * The Windows helper's tab-separated lines: `pid<TAB>ppid<TAB>creationFileTime<TAB>name`
 * (written by `Get-CimInstance Win32_Process`, see process-ops-windows.ts).
 */
export function parseWindowsProcessLines(text: string): ProcEntry[] {
  const out: ProcEntry[] = [];
  for (const line of text.split(/\r?\n/)) {
    const [pid, ppid, created, ...name] = line.split('\t');
    if (!pid || !ppid || !/^\d+$/.test(pid) || !/^\d+$/.test(ppid)) continue;
    out.push({ pid: Number(pid), ppid: Number(ppid), startKey: created && /^\d+$/.test(created) ? created : null, name: name.join('\t') || null });
  }
  return out;
}
