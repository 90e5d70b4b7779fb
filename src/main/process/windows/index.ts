/**
 * Windows process facts through the shared long-lived PowerShell: Win32_Process (name, path, command
 * line, precise CreationDate, parent) and Win32_Service (services hosted by each pid), in one call per
 * round for every socket owner. The user is left null: Win32_Process.GetOwner costs one CIM call per pid.
 */
import type { ProcessFacts } from '../../../shared/types';
import type { ProcessFactsProvider } from '../types';
import { windowsPowerShell } from '../../collectors/windows/windows-powershell';
import { parseWin32Processes } from './parse-win32-process';

/** WQL filters grow with the pid list; a few hundred per query keeps them short. */
const CHUNK = 200;

export function processScript(pids: readonly number[]): string {
  const filter = pids.map((pid) => `ProcessId=${Math.trunc(pid)}`).join(' OR ');
  return `
$p = @(Get-CimInstance Win32_Process -Filter "${filter}" | Select-Object ProcessId,Name,ExecutablePath,CommandLine,ParentProcessId,@{n='CreationDate';e={ if ($_.CreationDate) { $_.CreationDate.ToUniversalTime().ToString('o') } }})
$s = @(Get-CimInstance Win32_Service -Filter "${filter}" | Select-Object @{n='ServiceName';e={$_.Name}},ProcessId)
ConvertTo-Json -InputObject @($p + $s) -Depth 3 -Compress
`;
}

export const windowsProcessProvider: ProcessFactsProvider = {
  name: 'win32-process',
  async collect(pids) {
    const facts = new Map<number, ProcessFacts>();
    const wanted = [...new Set(pids)].filter((pid) => Number.isInteger(pid) && pid > 4); // 0 and 4 are the kernel
    for (let i = 0; i < wanted.length; i += CHUNK) {
      const result = await windowsPowerShell().run(processScript(wanted.slice(i, i + CHUNK)));
      if (!result.ok) break; // rows keep the names the socket source gave
      for (const [pid, fact] of parseWin32Processes(result.value)) facts.set(pid, fact);
    }
    return facts;
  },
};
