import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { bundleForNobody, NOBODY, whyNotAsNobody } from '../../helpers/cli-for-nobody';
import type { KillOutcome } from '../../../src/shared/actions';
import { SCRIPTS, killStarted, startScript, type Started } from './test-processes';

const reason = whyNotAsNobody();
if (reason) console.warn(`EPERM integration test skipped: ${reason}`);

const started: Started[] = [];
afterAll(() => killStarted(started.map((s) => s.pid)));

describe.skipIf(reason !== null)('kill without rights (user nobody against a root process)', () => {
  it('reports "permission denied — needs root" and the target keeps running', async () => {
    const bundled = await bundleForNobody(new URL('./kill-as-user.entry.ts', import.meta.url), 'kill-as-user.cjs', 'cjs');
    onTestFinished(() => bundled.dispose());
    const target = await startScript(SCRIPTS.graceful);
    started.push(target);

    const out = execFileSync('setpriv', [...NOBODY, process.execPath, bundled.file, String(target.pid)], { cwd: bundled.dir, timeout: 20_000 }).toString();
    const { uid, outcome } = JSON.parse(out) as { uid: number; outcome: KillOutcome };
    expect(uid).toBe(65534);
    expect(outcome.result).toBe('permission-denied');
    expect(outcome.needsElevation).toBe(true);
    expect(outcome.message).toMatch(new RegExp(`permission denied — ending node \\(pid ${target.pid}\\) needs root`));
    expect(() => process.kill(target.pid, 0)).not.toThrow();
  });
});
