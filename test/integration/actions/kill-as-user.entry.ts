/**
 * Bundled by eperm.test.ts and run as user nobody: tries to end the pid given in argv with the real
 * kill path and prints the outcome as JSON.
 */
import { createEngine } from '../../../src/main/engine/engine';
import { killProcess } from '../../../src/main/actions/kill';
import { defaultKillDeps } from '../../../src/main/actions/kill-deps';
import { linuxProcessOps } from '../../../src/main/actions/process-ops-linux';

const pid = Number(process.argv[2]);
const engine = createEngine({ intervalMs: 0, emit: () => undefined });
killProcess({ pid, confirm: true, graceMs: 200 }, { ...defaultKillDeps(engine, linuxProcessOps()), restartWatchMs: 0 }).then(
  (outcome) => {
    process.stdout.write(JSON.stringify({ uid: process.getuid?.(), outcome }));
    engine.stop();
  },
  (error: unknown) => {
    process.stdout.write(JSON.stringify({ error: String(error) }));
    process.exitCode = 1;
  },
);
