/**
 * Pure parser for `Get-CimInstance Win32_Process … | ConvertTo-Json` (and Get-WmiObject's DMTF dates):
 * ProcessId, Name, ExecutablePath, CommandLine, CreationDate (precise: it tells a reused pid apart),
 * ParentProcessId; services from Win32_Service (Name, ProcessId) in the same answer.
 */
import type { ProcessFacts } from '../../../shared/types';
import { parsePowerShellDate, readJsonObjects } from '../../collectors/windows/json-documents';

/** `20230224093709.985000+060` (WMI DMTF: local time, offset in minutes) -> ISO. */
export function parseDmtfDate(text: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})\.(\d{6})([+-])(\d{3})$/.exec(text);
  if (!m) return null;
  const utc = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], Math.floor(+m[7] / 1000));
  const offsetMinutes = (m[8] === '-' ? -1 : 1) * Number(m[9]);
  return new Date(utc - offsetMinutes * 60_000).toISOString();
}

const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** Facts by pid. Service objects (`{Name, ProcessId}` without ExecutablePath/CommandLine keys) add services. */
export function parseWin32Processes(text: string): Map<number, ProcessFacts> {
  const facts = new Map<number, ProcessFacts>();
  const services: { pid: number; name: string }[] = [];
  for (const item of readJsonObjects(text).objects) {
    const pid = item.ProcessId;
    if (typeof pid !== 'number' || !Number.isInteger(pid)) continue;
    if (item.ServiceName !== undefined) {
      if (typeof item.ServiceName === 'string') services.push({ pid, name: item.ServiceName });
      continue;
    }
    const created = typeof item.CreationDate === 'string' ? (parseDmtfDate(item.CreationDate) ?? parsePowerShellDate(item.CreationDate)) : null;
    facts.set(pid, {
      pid,
      name: str(item.Name),
      path: str(item.ExecutablePath),
      command: str(item.CommandLine),
      user: null,
      started: created,
      startKey: created,
      services: [],
      parentPid: typeof item.ParentProcessId === 'number' ? item.ParentProcessId : null,
    });
  }
  for (const { pid, name } of services) facts.get(pid)?.services.push(name);
  return facts;
}
