/**
 * Windows collectors, best first: PowerShell's Get-NetTCPConnection/Get-NetUDPEndpoint through one
 * long-lived PowerShell (socket creation times, services), then `netstat -ano` + `tasklist /svc`
 * (always present, any display language and code page). Thin runners: the parsing is pure and tested.
 */
import type { ProcessFacts } from '../../../shared/types';
import type { Collection, Collector } from '../types';
import { resolveTool, runTool } from '../../lib/exec';
import { parseTasklistCsv } from '../../process/windows/parse-tasklist';
import { decodeOutput } from './decode-output';
import { parseNetstatWindows } from './parse-netstat-windows';
import { parsePowerShellSnapshot, SOCKETS_SCRIPT } from './powershell-snapshot';
import { findPowerShell, windowsPowerShell } from './windows-powershell';

const powershellCollector: Collector = {
  name: 'powershell',
  available: async () => (await findPowerShell()) !== null,
  async collect(): Promise<Collection> {
    const result = await windowsPowerShell().run(SOCKETS_SCRIPT);
    if (!result.ok) throw new Error(result.message); // the engine falls back to netstat
    return parsePowerShellSnapshot(result.value);
  },
};

const netstatWindowsCollector: Collector = {
  name: 'netstat',
  available: async () => (await resolveTool('netstat')) !== null,
  async collect(): Promise<Collection> {
    const [netstat, tasklist] = await Promise.all([runTool('netstat', ['-ano']), runTool('tasklist', ['/svc', '/fo', 'csv'])]);
    if (!netstat) throw new Error('netstat is not available');
    const decoded = decodeOutput(netstat.stdout);
    const parsed = parseNetstatWindows(decoded.ok ? decoded.value.text : '');
    const processHints = new Map<number, Partial<ProcessFacts>>();
    if (tasklist) {
      const text = decodeOutput(tasklist.stdout);
      for (const entry of parseTasklistCsv(text.ok ? text.value.text : '').byPid.values()) {
        processHints.set(entry.pid, { pid: entry.pid, name: entry.name, services: entry.services });
      }
    }
    return { rows: parsed.rows, unparsedLines: parsed.unparsed.length, ownersHidden: null, processHints };
  },
};

export const windowsCollectors: Collector[] = [powershellCollector, netstatWindowsCollector];
