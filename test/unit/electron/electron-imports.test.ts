/** Only src/main/electron and src/preload may touch electron at runtime; the rest runs in plain Node or a browser. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve('src');
const ALLOWED = [path.join(SRC, 'main', 'electron'), path.join(SRC, 'preload')];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|mts|cts|js|mjs)$/.test(name) ? [full] : [];
  });
}

/** Runtime imports of electron: static `import … from`, `export … from`, `require()` and `import()`. Type-only imports are fine. */
const RUNTIME_ELECTRON = /(?:^|\n)\s*(?:import(?!\s+type\b)[^;'"]*from\s*|export(?!\s+type\b)[^;'"]*from\s*)['"]electron(?:\/[^'"]*)?['"]|require\(\s*['"]electron|import\(\s*['"]electron/;

describe('electron stays in its folders', () => {
  it('the scanner catches the forms it should', () => {
    expect(RUNTIME_ELECTRON.test("import { app } from 'electron';")).toBe(true);
    expect(RUNTIME_ELECTRON.test("import * as e from \"electron/main\";")).toBe(true);
    expect(RUNTIME_ELECTRON.test("const e = require('electron');")).toBe(true);
    expect(RUNTIME_ELECTRON.test("await import('electron')")).toBe(true);
    expect(RUNTIME_ELECTRON.test("import type { WebPreferences } from 'electron';")).toBe(false);
  });

  it('no file outside src/main/electron and src/preload imports electron at runtime', () => {
    const offenders = sourceFiles(SRC)
      .filter((file) => !ALLOWED.some((dir) => file.startsWith(dir + path.sep)))
      .filter((file) => RUNTIME_ELECTRON.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(SRC, file));
    expect(offenders).toEqual([]);
  });

  it('the pure electron helpers import it as types at most', () => {
    for (const name of ['window-options.ts', 'trusted-sender.ts', 'menu-template.ts', 'ipc-channels.ts', 'ipc-router.ts', 'app-paths.ts', 'permission-policy.ts']) {
      const source = readFileSync(path.join(SRC, 'main', 'electron', name), 'utf8');
      expect(RUNTIME_ELECTRON.test(source), name).toBe(false);
    }
  });
});
