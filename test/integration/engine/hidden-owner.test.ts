/**
 * Not root: the CLI run as user `nobody` sees root's sockets without owners, and says why.
 * The CLI is bundled with every dependency into a temp folder `nobody` may read.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SocketRow } from '../../../src/shared/types';
import { SocketChild } from './socket-child';
import { bundleCliForNobody, NOBODY, whyNotAsNobody, type NobodyBundle } from '../../helpers/cli-for-nobody';

const skipReason = whyNotAsNobody();
if (skipReason) console.warn(`hidden-owner test skipped: ${skipReason}`);

describe.skipIf(skipReason !== null)('owners hidden from a non-root user', () => {
  let bundled: NobodyBundle | undefined;
  let cli: string;
  let child: SocketChild;

  beforeAll(async () => {
    bundled = await bundleCliForNobody();
    cli = bundled.file;
    child = await SocketChild.start();
  });

  afterAll(() => {
    child?.stop();
    bundled?.dispose();
  });

  it('keeps root-owned rows with pid null, the user, and the reason; the note goes to stderr', () => {
    const run = spawnSync('setpriv', [...NOBODY, process.execPath, cli, 'list', '--json', '--tcp', '--port', String(child.ports.tcp4)], { cwd: '/', encoding: 'utf8' });
    expect(run.status).toBe(0);
    const rows = JSON.parse(run.stdout) as SocketRow[];
    const listener = rows.find((r) => r.localPort === child.ports.tcp4 && r.state === 'LISTEN');
    expect(listener).toMatchObject({ pid: null, owners: [], uid: 0, user: 'root', ownerHidden: 'owned by uid 0 (root); run as root to see the process' });
    expect(run.stderr).toMatch(/portscope: note: .*run portscope as root/);
  });

  it('as root the same row has its owner', () => {
    const out = execFileSync(process.execPath, [cli, 'who', String(child.ports.tcp4), '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(JSON.parse(out)).toEqual([expect.objectContaining({ pid: child.pid, ownerHidden: null })]);
  });
});
