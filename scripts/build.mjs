// Build everything a fresh clone needs (run by `npm install` through `prepare`):
// the CLI bundle (esbuild) and the Electron main/preload + renderer (electron-vite).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  entryPoints: [`${root}src/main/cli/main.ts`],
  outfile: `${root}out/cli/portscope.mjs`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.10',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

const viteCli = `${root}node_modules/electron-vite/bin/electron-vite.js`;
const result = spawnSync(process.execPath, [viteCli, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
