import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** Messages of the spawn rule for a snippet linted as if it lived at `filePath`. */
async function spawnRuleHits(code: string, filePath: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-syntax' && /src\/main\/lib\/exec\.ts/.test(m.message)).length;
}

describe('eslint: spawning only in src/main/lib/exec.ts', () => {
  it('catches node:child_process and bare child_process imports elsewhere in main', async () => {
    const file = 'src/main/collectors/spawn-rule-probe.ts';
    expect(await spawnRuleHits("import { execFile } from 'node:child_process';\nexport const f = execFile;\n", file)).toBe(1);
    expect(await spawnRuleHits("import { execFile } from 'child_process';\nexport const f = execFile;\n", file)).toBe(1);
    expect(await spawnRuleHits("import * as cp from 'child_process';\nexport const f = cp;\n", file)).toBe(1);
    expect(await spawnRuleHits("export const load = () => import('child_process');\n", file)).toBe(1);
    expect(await spawnRuleHits("export { spawn } from 'child_process';\n", file)).toBe(1);
  });

  it('allows them in src/main/lib/exec.ts and leaves other modules alone', async () => {
    expect(await spawnRuleHits("import { execFile } from 'child_process';\nexport const f = execFile;\n", 'src/main/lib/exec.ts')).toBe(0);
    expect(await spawnRuleHits("import { readFile } from 'node:fs/promises';\nexport const f = readFile;\n", 'src/main/collectors/spawn-rule-probe.ts')).toBe(0);
  });
});
