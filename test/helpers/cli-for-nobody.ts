/**
 * The CLI bundled with every dependency into a temp folder user `nobody` may read: tests that run it as
 * nobody (setpriv) must not depend on where the checkout lives (a clone under a 0700 temp dir is not
 * readable by other users).
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const NOBODY = ['--reuid=65534', '--regid=65534', '--clear-groups'];

export async function bundleCliForNobody(): Promise<{ cli: string; dir: string; dispose(): void }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'portscope-nobody-'));
  chmodSync(dir, 0o755);
  const cli = path.join(dir, 'portscope.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('../../src/main/cli/main.ts', import.meta.url))],
    outfile: cli,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    // bundled CommonJS dependencies (systeminformation) call require()
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  chmodSync(cli, 0o644);
  return { cli, dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
