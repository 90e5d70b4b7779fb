/** The built preload must be CommonJS: a sandboxed renderer cannot load an ES-module preload. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const preload = path.resolve('out/preload/index.cjs');
const built = existsSync(preload);
if (!built) console.warn(`preload build check skipped: ${preload} is missing — run \`npm run build\` first.`);

describe.skipIf(!built)('built preload', () => {
  it('is CommonJS, requires only electron, and there is no stale ESM preload', () => {
    const code = readFileSync(preload, 'utf8');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect([...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(code).toContain('exposeInMainWorld("portscope"');
    expect(existsSync(path.resolve('out/preload/index.mjs'))).toBe(false);
  });
});
