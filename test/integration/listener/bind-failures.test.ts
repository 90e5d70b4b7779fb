import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createService, type PortScopeService } from '../../../src/main/service/index';
import type { BindFailureResult } from '../../../src/shared/api';
import type { BindFailure, ListenerInfo } from '../../../src/shared/listener';
import type { Result } from '../../../src/shared/result';
import { canBind } from '../../../src/main/listener/bind';
import { freePort } from './helpers';
import { bundleCliForNobody, NOBODY, whyNotAsNobody } from '../../helpers/cli-for-nobody';

let service: PortScopeService;
const children: ChildProcess[] = [];
beforeAll(() => {
  service = createService({ pollIntervalMs: 0 });
});
afterAll(async () => {
  for (const child of children) stopChild(child);
  await service.dispose();
});

async function startExpectingFailure(input: Record<string, unknown>): Promise<BindFailure> {
  const result = (await service.dispatch('listenStart', input)) as Result<ListenerInfo | BindFailureResult>;
  if (!result.ok) throw new Error(result.message);
  if (!('bindFailure' in result.value)) throw new Error('the bind unexpectedly succeeded');
  return result.value.bindFailure;
}

/** Ends a holder we started, by its pid, once. */
function stopChild(child: ChildProcess): void {
  if (child.pid && child.exitCode === null && child.signalCode === null && !child.killed) child.kill();
}

/** A node process listening on 127.0.0.1:port (TCP or UDP); resolves once it is bound. */
function holdPort(protocol: 'tcp' | 'udp', port: number, host = '127.0.0.1'): Promise<ChildProcess> {
  const code =
    protocol === 'tcp'
      ? `require('net').createServer().listen(${port}, '${host}', () => console.log('ready'))`
      : `require('dgram').createSocket('udp4').bind(${port}, '${host}', () => console.log('ready'))`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout?.once('data', () => resolve(child));
    child.once('exit', (exitCode) => reject(new Error(`holder exited with ${exitCode}`)));
  });
}

describe('bind failures through the service', () => {
  it('busy port: explains in-use and suggests a port that really binds', async () => {
    const port = await freePort('tcp', '127.0.0.1');
    const first = (await service.dispatch('listenStart', { port, protocol: 'tcp', host: '127.0.0.1', reply: { kind: 'silent' } })) as Result<ListenerInfo>;
    expect(first.ok).toBe(true);
    const failure = await startExpectingFailure({ port, protocol: 'tcp', host: '127.0.0.1', reply: { kind: 'silent' } });
    expect(failure.cause).toBe('in-use');
    expect(failure.errno).toBe('EADDRINUSE');
    expect(failure.suggestedPort).not.toBeNull();
    expect(failure.suggestedPort).not.toBe(port);
    expect(await canBind('tcp', '127.0.0.1', failure.suggestedPort ?? 0)).toBe(true);
    await service.dispatch('listenStop', { all: true });
  });

  it('an address that is not on this machine lists the local ones', async () => {
    const failure = await startExpectingFailure({ port: 40000, protocol: 'tcp', host: '203.0.113.7', reply: { kind: 'silent' } });
    expect(failure.cause).toBe('address-not-local');
    expect(failure.localAddresses).toContain('127.0.0.1');
    expect(failure.message).toContain('203.0.113.7');
  });

  it('a host that is not an IP address is bad input', async () => {
    const result = await service.dispatch('listenStart', { port: 40000, protocol: 'tcp', host: 'not-an-ip', reply: { kind: 'silent' } });
    expect(result.ok === false && result.code).toBe('BAD_INPUT');
  });

  for (const protocol of ['tcp', 'udp'] as const) {
    it(`${protocol}: a port held by another process names its pid and name (needs the engine's rows)`, async () => {
      const port = await freePort(protocol, '127.0.0.1');
      const child = await holdPort(protocol, port);
      const snapshot = await service.engine.snapshot();
      const seen = snapshot.rows.some((r) => r.localPort === port && r.pid === child.pid);
      if (!seen) {
        console.warn(`skipped: the engine's snapshot (source "${snapshot.source}") does not show pid ${child.pid} on port ${port}`);
        return;
      }
      const failure = await startExpectingFailure({ port, protocol, host: '127.0.0.1', reply: { kind: 'silent' } });
      expect(failure.cause).toBe('in-use');
      expect(failure.holder?.pid).toBe(child.pid);
      expect(failure.holder?.processName).toMatch(/node/);
      expect(failure.holder?.rowId).toBeTruthy();
      expect(failure.message).toContain(`pid ${child.pid}`);
      stopChild(child);
    });
  }

  it('IPv4/IPv6 overlap: a dual-stack [::] listener against another process on 0.0.0.0', async () => {
    const port = await freePort('tcp', '0.0.0.0');
    const child = await holdPort('tcp', port, '0.0.0.0');
    const failure = await startExpectingFailure({ port, protocol: 'tcp', host: '::', reply: { kind: 'silent' } });
    expect(failure.errno).toBe('EADDRINUSE');
    const snapshot = await service.engine.snapshot();
    if (!snapshot.rows.some((r) => r.localPort === port && r.pid === child.pid)) {
      console.warn(`skipped the holder check: the engine's snapshot (source "${snapshot.source}") does not show pid ${child.pid}`);
    } else {
      expect(failure.cause).toBe('v4-v6-overlap');
      expect(failure.holder?.pid).toBe(child.pid);
    }
    stopChild(child);
  });
});

// Root ignores the privileged-port rule, so run the CLI as "nobody" (bundled where nobody may read it) to see the real EACCES.
const canDropPrivileges = whyNotAsNobody() === null;
const unprivilegedStart = (() => {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_unprivileged_port_start', 'utf8').trim());
  } catch {
    return 0;
  }
})();
const privilegedTestable = canDropPrivileges && unprivilegedStart > 80;
if (!privilegedTestable) {
  console.warn('skipped the privileged-port CLI test: needs Linux as root with setpriv, and ip_unprivileged_port_start > 80');
}

describe('privileged port as an ordinary user', () => {
  it.skipIf(!privilegedTestable)('`listen 80` as nobody exits 1 and explains the privileged port and the sysctl', async () => {
    const bundled = await bundleCliForNobody();
    onTestFinished(() => bundled.dispose());
    const result = spawnSync('/usr/bin/setpriv', [...NOBODY, process.execPath, bundled.file, 'listen', '80', '--host', '127.0.0.1', '--timeout', '1'], {
      cwd: '/',
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^portscope: cannot listen on 80\/tcp: Port 80 is a privileged port/);
    expect(result.stderr).toContain(`net.ipv4.ip_unprivileged_port_start = ${unprivilegedStart}`);
    expect(result.stderr).toContain('CAP_NET_BIND_SERVICE');
    expect(result.stderr).toMatch(/Use a free port instead: \d+ is free right now/);
  });
});

