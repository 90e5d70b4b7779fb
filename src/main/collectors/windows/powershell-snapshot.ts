/**
 * The PowerShell socket source: one script returns TCP connections, UDP endpoints, process names and
 * running services as one compressed JSON object; `parsePowerShellSnapshot` turns it into a Collection.
 * Dates are converted to ISO inside PowerShell (5.1 would otherwise wrap them in objects).
 */
import type { ProcessFacts, RawSocket } from '../../../shared/types';
import type { Collection } from '../types';
import { objectToRow } from './parse-get-net-tcp-connection';
import { readJsonObjects } from './json-documents';

export const SOCKETS_SCRIPT = `
$iso = { if ($_.CreationTime) { $_.CreationTime.ToUniversalTime().ToString('o') } else { $null } }
$tcp = @(Get-NetTCPConnection -ErrorAction SilentlyContinue | Select-Object LocalAddress,LocalPort,RemoteAddress,RemotePort,@{n='State';e={[int]$_.State}},OwningProcess,@{n='CreationTime';e=$iso})
$udp = @(Get-NetUDPEndpoint -ErrorAction SilentlyContinue | Select-Object LocalAddress,LocalPort,OwningProcess,@{n='CreationTime';e=$iso})
$procs = @(Get-CimInstance Win32_Process -Property ProcessId,Name | Select-Object ProcessId,Name)
$svcs = @(Get-CimInstance Win32_Service -Filter "State='Running'" -Property Name,ProcessId | Select-Object Name,ProcessId)
[pscustomobject]@{ tcp = $tcp; udp = $udp; procs = $procs; svcs = $svcs } | ConvertTo-Json -Depth 4 -Compress
`;

export function parsePowerShellSnapshot(text: string): Collection {
  const { objects, unreadable } = readJsonObjects(text);
  const root = objects[0] ?? {};
  const list = (value: unknown): Record<string, unknown>[] =>
    (Array.isArray(value) ? value : value && typeof value === 'object' ? [value] : []).filter(
      (v): v is Record<string, unknown> => v !== null && typeof v === 'object',
    );
  const rows: RawSocket[] = [];
  let unparsedLines = unreadable;
  for (const item of list(root.tcp)) {
    const row = objectToRow({ ...item, State: item.State ?? 0 }); // State marks the object as TCP
    if (row) rows.push(row);
    else unparsedLines++;
  }
  for (const item of list(root.udp)) {
    const { State: _s, RemoteAddress: _r, RemotePort: _p, ...udp } = item;
    const row = objectToRow(udp);
    if (row) rows.push(row);
    else unparsedLines++;
  }
  const processHints = new Map<number, Partial<ProcessFacts>>();
  for (const p of list(root.procs)) {
    if (typeof p.ProcessId === 'number' && typeof p.Name === 'string') processHints.set(p.ProcessId, { pid: p.ProcessId, name: p.Name, services: [] });
  }
  for (const s of list(root.svcs)) {
    if (typeof s.ProcessId !== 'number' || typeof s.Name !== 'string' || s.ProcessId === 0) continue;
    const hint = processHints.get(s.ProcessId) ?? { pid: s.ProcessId, services: [] };
    hint.services = [...(hint.services ?? []), s.Name];
    processHints.set(s.ProcessId, hint);
  }
  for (const row of rows) for (const owner of row.owners) owner.processName ??= processHints.get(owner.pid)?.name ?? null;
  return { rows, unparsedLines, ownersHidden: null, processHints };
}
