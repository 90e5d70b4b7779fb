/**
 * Running code as user `nobody` (setpriv) in tests: whether this machine can, and bundles with every
 * dependency in a temp folder nobody may read, so such tests do not depend on where the checkout lives
 * (a clone under a 0700 temp dir is not readable by other users).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const NOBODY = ['--reuid=65534', '--regid=65534', '--clear-groups'];

/** Why a test cannot run node as user nobody here, or null when it can. */
export function whyNotAsNobody(): string | null {
  if (process.platform !== 'linux') return 'needs Linux (setpriv)';
  if (process.getuid?.() !== 0) return 'needs root to switch to user nobody';
  const probe = spawnSync('setpriv', [...NOBODY, process.execPath, '-e', 'process.stdout.write(String(process.getuid()))']);
  if (probe.error || probe.stdout?.toString() !== '65534') {
    return `setpriv cannot run node as user nobody (${probe.error?.message ?? probe.stderr?.toString().trim()})`;
  }
  return null;
}

export interface NobodyBundle {
  file: string;
  dir: string;
  dispose(): void;
}

/** `entry` bundled into `<temp dir>/<fileName>`, both readable by nobody. */
export async function bundleForNobody(entry: URL, fileName: string, format: 'esm' | 'cjs'): Promise<NobodyBundle> {
  const dir = mkdtempSync(path.join(tmpdir(), 'portscope-nobody-'));
  chmodSync(dir, 0o755);
  const file = path.join(dir, fileName);
  await build({
    entryPoints: [fileURLToPath(entry)],
    outfile: file,
    bundle: true,
    platform: 'node',
    format,
    target: 'node20',
    logLevel: 'error',
    // bundled CommonJS dependencies (systeminformation) call require()
    ...(format === 'esm' ? { banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" } } : {}),
  });
  chmodSync(file, 0o644);
  return { file, dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The CLI, bundled for nobody. */
export function bundleCliForNobody(): Promise<NobodyBundle> {
  return bundleForNobody(new URL('../../src/main/cli/main.ts', import.meta.url), 'portscope.mjs', 'esm');
}
