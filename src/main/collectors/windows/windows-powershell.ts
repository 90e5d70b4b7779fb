/**
 * The one PowerShell of this process, shared by the socket collector and the process facts provider.
 * Windows PowerShell 5.1 (`powershell.exe`) ships with every Windows 10/11 and Server 2016+;
 * PowerShell 7 (`pwsh.exe`) serves when it is missing.
 */
import { resolveTool, startPersistentProcess } from '../../lib/exec';
import { createPowerShellSession, POWERSHELL_ARGS, type PowerShellSession } from './powershell-session';

let session: PowerShellSession | null = null;

export async function findPowerShell(): Promise<string | null> {
  return (await resolveTool('powershell')) ?? (await resolveTool('pwsh'));
}

export function windowsPowerShell(): PowerShellSession {
  session ??= createPowerShellSession(async () => {
    const file = await findPowerShell();
    return file ? startPersistentProcess(file, POWERSHELL_ARGS) : null;
  });
  return session;
}

/** Stop the shared PowerShell (engine shutdown). */
export function disposeWindowsPowerShell(): void {
  session?.dispose();
  session = null;
}
