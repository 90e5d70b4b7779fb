/** Open a URL in the user's browser through the OS opener, spawned via exec.ts (argv, never a shell). */
import { runTool } from '../lib/exec';

/** The opener per platform; rundll32 on Windows because `cmd /c start` would parse the URL as shell text. */
const OPENERS: Record<string, { tool: string; args: (url: string) => string[] }> = {
  linux: { tool: 'xdg-open', args: (url) => [url] },
  darwin: { tool: 'open', args: (url) => [url] },
  win32: { tool: 'rundll32', args: (url) => ['url.dll,FileProtocolHandler', url] },
};

/** true when an opener ran and exited 0. */
export async function openInBrowser(url: string, platform: string = process.platform): Promise<boolean> {
  const opener = OPENERS[platform] ?? OPENERS.linux;
  try {
    const result = await runTool(opener.tool, opener.args(url), { timeoutMs: 15_000 });
    return result !== null && result.exitCode === 0;
  } catch {
    return false;
  }
}
