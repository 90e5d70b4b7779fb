/**
 * Correctness at scale (no timing here; speed is `npm run bench`): the load generator holds ~40k loopback
 * TCP sockets (PORTSCOPE_SCALE_SOCKETS to change) in child processes this test starts and stops by pid.
 * The engine (the native reader or ss, and the /proc fallback) must find every connection of every child with the right pid and
 * name (a second poll as the same row objects), and `portscope list --json` must print valid JSON holding at
 * least all of them.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/main/engine/engine';
import { createProcNetCollector } from '../../../src/main/collectors/linux/proc-net-collector';
import { createSsCollector } from '../../../src/main/collectors/linux/ss-collector';
import { createSockDiagCollector } from '../../../src/main/collectors/linux/sock-diag-collector';
import { LiveOwners } from '../../../src/main/collectors/linux/linux-collection';
import { nativeReader } from '../../../src/main/collectors/linux/native-reader';
import * as procFds from '../../../src/main/collectors/linux/proc-fd-walk';
import { SocketOwnerIndex } from '../../../src/main/collectors/linux/socket-owner-index';
import type { RawSocket, SocketRow } from '../../../src/shared/types';
import { startLoad, type Load } from '../../../scripts/bench/load/load-generator';

const ROOT = new URL('../../../', import.meta.url).pathname;
const CLI = `${ROOT}bin/portscope.mjs`;
const BUILT = existsSync(`${ROOT}out/cli/portscope.mjs`);
const SOCKETS = Number(process.env.PORTSCOPE_SCALE_SOCKETS ?? 40_000);
const onLinux = process.platform === 'linux';
if (!onLinux) console.warn('scale tests skipped: they load this machine’s Linux socket tables');
if (onLinux && !BUILT) console.warn('scale test of `list --json` skipped: the CLI is not built (run `npm run build`)');
if (onLinux && !nativeReader()) console.warn('scale test of the native reader skipped: it is not built here (scripts/build-native.mjs needs a C compiler and Node headers)');

const LONG = 240_000;

interface Row {
  pid: number | null;
  processName: string | null;
  state: string | null;
  protocol: string;
  localPort: number;
  remotePort: number | null;
}

describe.skipIf(!onLinux)(`${SOCKETS.toLocaleString('en')} loopback sockets`, () => {
  let load: Load;
  beforeAll(async () => {
    load = await startLoad({ sockets: SOCKETS });
  }, LONG);
  afterAll(async () => {
    await load?.stop();
  }, LONG);

  /** Every child: all its connections (both ends) ESTABLISHED with its pid, its listeners LISTEN. */
  function expectEveryConnection(rows: readonly Row[]): void {
    for (const child of load.children) {
      const ports = new Set(child.ports);
      const mine = rows.filter((r) => r.pid === child.pid && r.protocol === 'tcp');
      const established = mine.filter((r) => r.state === 'ESTABLISHED');
      const serverEnds = established.filter((r) => ports.has(r.localPort));
      const clientEnds = established.filter((r) => r.remotePort !== null && ports.has(r.remotePort));
      expect(serverEnds.length, `server ends of pid ${child.pid}`).toBe(child.connections);
      expect(clientEnds.length, `client ends of pid ${child.pid}`).toBe(child.connections);
      expect(mine.filter((r) => r.state === 'LISTEN').map((r) => r.localPort).sort()).toEqual([...child.ports].sort());
      expect(new Set(mine.map((r) => r.processName))).toEqual(new Set(['node']));
    }
  }

  it('the load holds what was asked for', () => {
    expect(load.connections * 2).toBeGreaterThanOrEqual(SOCKETS - 1);
  });

  it('the engine finds every connection with the right pid and name', async () => {
    const engine = createEngine({ intervalMs: 0, emit: () => undefined });
    const snap = await engine.snapshot();
    engine.stop();
    expect(snap.rows.length).toBeGreaterThanOrEqual(load.connections * 2);
    expect(new Set(snap.rows.map((r: SocketRow) => r.id)).size).toBe(snap.rows.length); // ids stay unique
    expectEveryConnection(snap.rows);
  }, LONG);

  it('a poll where nothing changed answers every connection again, as the same row objects', async () => {
    const engine = createEngine({ intervalMs: 0, emit: () => undefined });
    await engine.current(); // the first collection is built once, with nothing kept for reuse
    const first = await engine.current(); // interval 0: each current() collects; this one remembers its rows
    const second = await engine.current(); // reusing what did not change
    engine.stop();
    expectEveryConnection(second.rows);
    const before = new Set(first.rows);
    const held = new Set(load.children.map((child) => child.pid));
    const reused = second.rows.filter((row) => row.pid !== null && held.has(row.pid) && before.has(row));
    expect(reused.length).toBe(load.connections * 2 + load.children.reduce((n, child) => n + child.ports.length, 0));
  }, LONG);

  it('the /proc fallback finds them too', async () => {
    const engine = createEngine({ intervalMs: 0, emit: () => undefined, collectors: [createProcNetCollector()] });
    const snap = await engine.snapshot();
    engine.stop();
    expect(snap.source).toBe('proc-net');
    expectEveryConnection(snap.rows);
  }, LONG);

  it.skipIf(!nativeReader())('the native reader reads every connection as ss and the JavaScript walk do', async () => {
    const key = (r: RawSocket) => [r.protocol, r.localAddress, r.localPort, r.remoteAddress, r.remotePort, r.state, r.uid, r.inode, r.owners.map((o) => o.pid).join(',')].join('|');
    const held = new Set(load.children.map((child) => child.pid));
    const loads = (rows: readonly RawSocket[]) => rows.filter((r) => r.owners.some((o) => held.has(o.pid))).map(key).sort();
    const native = loads((await createSockDiagCollector().collect()).rows);
    const javascriptWalk = new LiveOwners(new SocketOwnerIndex({ proc: { ...procFds, startNativeFdLinkWalk: undefined } }));
    const ss = loads((await createSsCollector(javascriptWalk).collect()).rows);
    expect(native.length).toBe(load.connections * 2 + load.children.reduce((n, child) => n + child.ports.length, 0));
    expect(native).toEqual(ss);
  }, LONG);

  it('ss output at this size parses without unreadable lines', async () => {
    const collection = await createSsCollector().collect();
    expect(collection.unparsedLines).toBe(0);
    expect(collection.rows.length).toBeGreaterThanOrEqual(load.connections * 2);
  }, LONG);

  it.skipIf(!BUILT)('`portscope list --json` prints valid JSON with at least 2N rows', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'list', '--json'], { maxBuffer: 512 * 2 ** 20, timeout: LONG });
    const rows = JSON.parse(stdout) as Row[];
    expect(Array.isArray(rows)).toBe(true);
    expect(rows.length).toBeGreaterThanOrEqual(load.connections * 2);
    expectEveryConnection(rows);
  }, LONG);
});
