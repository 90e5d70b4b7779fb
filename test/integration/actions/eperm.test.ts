import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import type { KillOutcome } from '../../../src/shared/actions';
import { SCRIPTS, killStarted, startScript, type Started } from './test-processes';

/** Why the user switch cannot be tested here, or null when it can. */
function cannotSwitchUser(): string | null {
  if (process.platform !== 'linux') return 'the EPERM test uses setpriv (Linux)';
  if (process.getuid?.() !== 0) return 'the EPERM test needs root to start a root-owned target and switch to user nobody';
  const probe = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-e', 'process.stdout.write(String(process.getuid()))']);
  if (probe.error || probe.stdout?.toString() !== '65534') return `cannot run node as user nobody with setpriv (${probe.error?.message ?? probe.stderr?.toString().trim()})`;
  return null;
}

const reason = cannotSwitchUser();
if (reason) console.warn(`EPERM integration test skipped: ${reason}`);

const started: Started[] = [];
afterAll(() => killStarted(started.map((s) => s.pid)));

describe.skipIf(reason !== null)('kill without rights (user nobody against a root process)', () => {
  it('reports "permission denied — needs root" and the target keeps running', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ps-eperm-'));
    chmodSync(dir, 0o755);
    const bundle = path.join(dir, 'kill-as-user.cjs');
    await build({
      entryPoints: [fileURLToPath(new URL('./kill-as-user.entry.ts', import.meta.url))],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'error',
    });
    chmodSync(bundle, 0o644);
    const target = await startScript(SCRIPTS.graceful);
    started.push(target);

    const out = execFileSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, bundle, String(target.pid)], { cwd: dir, timeout: 20_000 }).toString();
    const { uid, outcome } = JSON.parse(out) as { uid: number; outcome: KillOutcome };
    expect(uid).toBe(65534);
    expect(outcome.result).toBe('permission-denied');
    expect(outcome.needsElevation).toBe(true);
    expect(outcome.message).toMatch(new RegExp(`permission denied — ending node \\(pid ${target.pid}\\) needs root`));
    expect(() => process.kill(target.pid, 0)).not.toThrow();
  });
});
