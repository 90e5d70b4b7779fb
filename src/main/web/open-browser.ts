/** Open a URL in the user's browser through the OS opener, spawned via exec.ts (argv, never a shell). */
import { runTool } from '../lib/exec';

/**
 * The opener per platform. Windows uses rundll32's URL handler rather than `cmd /c start`, because cmd
 * would parse the URL as shell text.
 */
export function openerFor(platform: string, url: string): { tool: string; args: string[] } {
  if (platform === 'darwin') return { tool: 'open', args: [url] };
  if (platform === 'win32') return { tool: 'rundll32', args: ['url.dll,FileProtocolHandler', url] };
  return { tool: 'xdg-open', args: [url] };
}

/** true when an opener ran and exited 0. */
export async function openInBrowser(url: string, platform: string = process.platform): Promise<boolean> {
  const { tool, args } = openerFor(platform, url);
  try {
    const result = await runTool(tool, args, { timeoutMs: 15_000 });
    return result !== null && result.exitCode === 0;
  } catch {
    return false;
  }
}
