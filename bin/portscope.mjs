#!/usr/bin/env node
// Thin launcher: the CLI is bundled by `npm run build` (run automatically by `npm install`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../out/cli/portscope.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('portscope: the CLI is not built yet. Run `npm run build` in the PortScope folder.\n');
  process.exit(2);
}
await import(bundle);
