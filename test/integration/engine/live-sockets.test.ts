import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/main/engine/engine';
import { createProcNetCollector } from '../../../src/main/collectors/linux/proc-net-collector';
import { createSsCollector } from '../../../src/main/collectors/linux/ss-collector';
import { nativeReader } from '../../../src/main/collectors/linux/native-reader';
import { runCli } from '../../../src/main/cli/index';
import type { PushEvent } from '../../../src/shared/api';
import type { RawSocket, SocketRow } from '../../../src/shared/types';
import { memoryIo } from '../../helpers/cli-io';
import { SocketChild } from './socket-child';

const onLinux = process.platform === 'linux';
if (!onLinux) console.warn('live socket tests skipped: they read this machine’s Linux socket tables');

type Row = Pick<SocketRow, 'protocol' | 'family' | 'localPort' | 'state' | 'pid' | 'processName' | 'remotePort'> & Partial<Pick<RawSocket, 'owners'>>;

describe.skipIf(!onLinux)('live sockets on this machine', () => {
  let child: SocketChild;
  beforeAll(async () => {
    child = await SocketChild.start();
  });
  afterAll(() => child?.stop());

  /** Each of the child's sockets, found with the right pid, name, family and state. */
  function expectChildSockets(rows: readonly Row[]): void {
    // the client's ephemeral port may also be the local port of another process's connection: match the peer too
    const at = (protocol: string, port: number, state: string | null, remotePort: number | null = null) =>
      rows.find((r) => r.protocol === protocol && r.localPort === port && r.state === state && (remotePort === null || r.remotePort === remotePort));
    const { tcp4, tcp6, udp4, udp6, client } = child.ports;
    expect(at('tcp', tcp4, 'LISTEN'), `tcp4 listener :${tcp4} among ${rows.length} rows`).toMatchObject({ family: 4, pid: child.pid, processName: 'node' });
    expect(at('tcp', tcp6, 'LISTEN'), `tcp6 listener :${tcp6} among ${rows.length} rows`).toMatchObject({ family: 6, pid: child.pid, processName: 'node' });
    expect(at('udp', udp4, null), `udp4 socket :${udp4} among ${rows.length} rows`).toMatchObject({ family: 4, pid: child.pid, processName: 'node' });
    expect(at('udp', udp6, null), `udp6 socket :${udp6} among ${rows.length} rows`).toMatchObject({ family: 6, pid: child.pid, processName: 'node' });
    expect(at('tcp', client, 'ESTABLISHED', tcp4), `client connection :${client} among ${rows.length} rows`).toMatchObject({ family: 4, pid: child.pid, remotePort: tcp4 });
  }

  it('the engine finds every socket of the child with owner, family and state', async () => {
    const engine = createEngine({ intervalMs: 0, emit: () => undefined });
    const snap = await engine.current();
    engine.stop();
    // the native reader when `npm run build` could compile it, else ss
    expect(snap.source, `engine source (unparsed lines: ${snap.unparsedLines})`).toBe(nativeReader() ? 'sock_diag' : 'ss');
    expectChildSockets(snap.rows);
    const listener = snap.rows.find((r) => r.localPort === child.ports.tcp4 && r.state === 'LISTEN')!;
    expect(listener.processPath).toBe(process.execPath);
    expect(listener.user).toBe('root');
    expect(Date.parse(listener.processStarted!)).toBeGreaterThan(Date.now() - 120_000);
  });

  it('the /proc/net fallback finds the same sockets through the fd walk', async () => {
    const collection = await createProcNetCollector().collect();
    const rows = collection.rows.map((r) => ({ ...r, pid: r.owners[0]?.pid ?? null, processName: r.owners[0] ? 'node' : null }));
    expectChildSockets(rows);
    const ss = await createSsCollector().collect();
    const key = (r: RawSocket) => `${r.protocol}|${r.localAddress}|${r.localPort}|${r.owners.map((o) => o.pid).join(',')}`;
    const mine = (r: RawSocket) => r.owners.some((o) => o.pid === child.pid);
    expect(collection.rows.filter(mine).map(key).sort()).toEqual(ss.rows.filter(mine).map(key).sort());
  });

  it('`list --json --pid` prints the child’s rows as one valid JSON array', async () => {
    const io = memoryIo();
    const code = await runCli(['list', '--json', '--pid', String(child.pid)], io);
    expect(code).toBe(0);
    const rows = JSON.parse(io.stdout()) as SocketRow[];
    expectChildSockets(rows);
    expect(rows.every((r) => r.owners.some((o) => o.pid === child.pid))).toBe(true);
  });

  it('`list` prints an aligned table and `--csv` a header', async () => {
    const table = memoryIo();
    expect(await runCli(['list', '--tcp', '--listening', '--port', String(child.ports.tcp4)], table)).toBe(0);
    expect(table.stdout()).toMatch(new RegExp(`^PROCESS\\s+PID\\s+PROTO\\s+LOCAL\\s+REMOTE\\s+STATE\\n(.+\\n)*node\\s+${child.pid}\\s+tcp4\\s+127\\.0\\.0\\.1:${child.ports.tcp4}\\s+\\*\\s+LISTEN`));
    const csv = memoryIo();
    expect(await runCli(['list', '--csv', '--udp', '--pid', String(child.pid)], csv)).toBe(0);
    expect(csv.stdout().split('\r\n')[0]).toMatch(/^protocol,family,localAddress,localPort/);
    expect(csv.stdout().split('\r\n').filter((l) => l.startsWith('udp,'))).toHaveLength(2);
  });

  it('`who` names the owner of each port, both families and protocols', async () => {
    for (const [port, protocol, family] of [[child.ports.tcp4, 'tcp', 4], [child.ports.tcp6, 'tcp', 6], [child.ports.udp4, 'udp', 4], [child.ports.udp6, 'udp', 6]] as const) {
      const io = memoryIo();
      expect(await runCli(['who', String(port), '--json'], io)).toBe(0);
      const rows = JSON.parse(io.stdout()) as SocketRow[];
      // Another process's UDP socket may hold the same port number on another address (tests run in
      // parallel and pick ephemeral ports): the child's socket must be among the rows, all on this port.
      expect(rows).toContainEqual(expect.objectContaining({ protocol, family, pid: child.pid, processName: 'node' }));
      expect(rows.every((r) => r.localPort === port)).toBe(true);
    }
    const udpOnly = memoryIo();
    expect(await runCli(['who', String(child.ports.tcp4), '--udp'], udpOnly)).toBe(1);
  });

  it('`who` on a free port exits 1 and says so; bad ports exit 2', async () => {
    const listed = memoryIo();
    await runCli(['list', '--json'], listed);
    const used = new Set((JSON.parse(listed.stdout()) as SocketRow[]).map((r) => r.localPort));
    let free = 47_111;
    while (used.has(free)) free++;
    const io = memoryIo();
    expect(await runCli(['who', String(free)], io)).toBe(1);
    expect(io.stderr()).toContain(`portscope: nothing owns port ${free} (tcp/udp)`);
    expect(io.stdout()).toBe('');
    for (const bad of ['0', '70000', 'abc']) {
      const badIo = memoryIo();
      expect(await runCli(['who', bad], badIo)).toBe(2);
      expect(badIo.stderr()).toMatch(/^portscope: .*1 to 65535/);
    }
  });

  it('the poller reports one socket opened and one closed between two polls', async () => {
    const events: PushEvent[] = [];
    const engine = createEngine({ intervalMs: 0, emit: (e) => events.push(e) });
    const before = await engine.current();
    const extra = await child.swap();
    const after = await engine.current();
    engine.stop();
    const diffs = events.flatMap((e) => (e.type === 'diff' ? [e.diff] : []));
    // One poll's diff; in parts when other tests changed many sockets meanwhile (more than DIFF_PART_ROWS).
    for (const part of diffs) expect(part).toMatchObject({ fromSeq: before.seq, seq: after.seq });
    expect(diffs.at(-1)?.more).toBeUndefined();
    const diff = { added: diffs.flatMap((d) => d.added), removed: diffs.flatMap((d) => d.removed) };
    const mine = (r: SocketRow) => r.pid === child.pid;
    expect(diff.added.filter(mine).map((r) => [r.localPort, r.state])).toEqual([[extra, 'LISTEN']]);
    const closedId = before.rows.find((r) => r.localPort === child.ports.tcp6 && r.state === 'LISTEN')!.id;
    expect(diff.removed).toContain(closedId);
    expect(diff.removed.filter((id) => id.endsWith(`|${child.pid}`))).toEqual([closedId]);
  });
});
