import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, type PortScopeService } from '../../../src/main/service/index';
import type { BindFailureResult } from '../../../src/shared/api';
import type { ListenerInfo, ReplyMode } from '../../../src/shared/listener';
import type { Result } from '../../../src/shared/result';
import { freePort, tcpExchange, udpExchange, waitForListener } from './helpers';

let service: PortScopeService;
beforeAll(() => {
  service = createService({ pollIntervalMs: 0 });
});
afterAll(async () => {
  await service.dispose();
});

async function start(protocol: 'tcp' | 'udp', host: string, reply: ReplyMode, timeoutSec?: number): Promise<ListenerInfo> {
  const port = await freePort(protocol, host);
  const result = (await service.dispatch('listenStart', { port, protocol, host, reply, ...(timeoutSec ? { timeoutSec } : {}) })) as Result<
    ListenerInfo | BindFailureResult
  >;
  if (!result.ok) throw new Error(result.message);
  if ('bindFailure' in result.value) throw new Error(result.value.bindFailure.message);
  return result.value;
}

const MODES: ReplyMode[] = [{ kind: 'silent' }, { kind: 'echo' }, { kind: 'http' }, { kind: 'banner', text: 'PortScope-banner' }];
const PAYLOAD = 'GET / HTTP/1.1\r\nHost: test\r\n\r\n';

function expectReply(mode: ReplyMode, received: Buffer | null, port: number, protocol: 'tcp' | 'udp'): void {
  const text = received?.toString() ?? '';
  switch (mode.kind) {
    case 'silent':
      expect(text).toBe('');
      break;
    case 'echo':
      expect(text).toBe(PAYLOAD);
      break;
    case 'http':
      expect(text.startsWith('HTTP/1.1 200 OK')).toBe(true);
      expect(text).toContain(`PortScope`);
      expect(text).toContain(`${port}/${protocol}`);
      break;
    case 'banner':
      expect(text).toBe('PortScope-banner\r\n');
  }
}

describe.each(['127.0.0.1', '::1'])('listener on %s', (host) => {
  describe.each(MODES)('reply $kind', (mode) => {
    it('TCP: answers in the mode and logs the peer and bytes', async () => {
      const info = await start('tcp', host, mode);
      expect(info.running).toBe(true);
      expect(info.host).toBe(host);
      const { received, localPort } = await tcpExchange(host, info.port, PAYLOAD);
      expectReply(mode, received, info.port, 'tcp');
      const logged = await waitForListener(service, info.id, (l) => l.log.some((e) => e.endedAt !== null && e.bytesIn === PAYLOAD.length));
      const entry = logged.log.find((e) => e.peerPort === localPort);
      expect(entry?.peerAddress).toBe(host);
      expect(entry?.bytesIn).toBe(PAYLOAD.length);
      expect(entry?.bytesOut).toBe(received.length);
      expect(entry?.firstBytesText.startsWith('GET / HTTP/1.1\\r\\n')).toBe(true);
      expect(entry?.firstBytesHex.startsWith('47 45 54 20')).toBe(true);
      await service.dispatch('listenStop', { id: info.id });
    });

    it('UDP: answers in the mode and logs the peer and bytes', async () => {
      const info = await start('udp', host, mode);
      // silent never answers: the wait is how long we listen for nothing, not a speed check
      const { answer, localPort } = await udpExchange(host, info.port, PAYLOAD, mode.kind === 'silent' ? 300 : 5000);
      expectReply(mode, answer, info.port, 'udp');
      const logged = await waitForListener(service, info.id, (l) => l.log.length > 0);
      const entry = logged.log[0];
      expect(entry?.peerAddress).toBe(host);
      expect(entry?.peerPort).toBe(localPort);
      expect(entry?.bytesIn).toBe(PAYLOAD.length);
      expect(entry?.bytesOut).toBe(answer?.length ?? 0);
      expect(entry?.firstBytesText).toContain('GET / HTTP/1.1');
      await service.dispatch('listenStop', { id: info.id });
    });
  });
});

describe('listener lifecycle', () => {
  it('the default bind is dual-stack: an IPv4 peer is logged as plain IPv4', async () => {
    const port = await freePort('tcp', '::');
    const result = (await service.dispatch('listenStart', { port, protocol: 'tcp', reply: { kind: 'echo' } })) as Result<ListenerInfo>;
    expect(result.ok && result.value.families).toBe('dual');
    if (!result.ok) return;
    const { received } = await tcpExchange('127.0.0.1', port, 'ping');
    expect(received.toString()).toBe('ping');
    const logged = await waitForListener(service, result.value.id, (l) => l.log.some((e) => e.endedAt !== null));
    expect(logged.log[0]?.peerAddress).toBe('127.0.0.1');
    await service.dispatch('listenStop', { id: result.value.id });
  });

  it('the timeout stops the listener', async () => {
    const info = await start('tcp', '127.0.0.1', { kind: 'silent' }, 1);
    const stopped = await waitForListener(service, info.id, (l) => !l.running);
    expect(stopped.stopReason).toBe('timeout');
    const probe = (await service.dispatch('probe', { host: '127.0.0.1', port: info.port, protocol: 'tcp' })) as Result<{ verdict: string }>;
    expect(probe.ok && probe.value.verdict).toBe('refused');
  });

  it('stops one, then all, and reports what it stopped', async () => {
    const a = await start('tcp', '127.0.0.1', { kind: 'silent' });
    const b = await start('udp', '127.0.0.1', { kind: 'silent' });
    const c = await start('tcp', '::1', { kind: 'silent' });
    const one = (await service.dispatch('listenStop', { id: a.id })) as Result<ListenerInfo[]>;
    expect(one.ok && one.value.map((l) => [l.id, l.running])).toEqual([[a.id, false]]);
    const all = (await service.dispatch('listenStop', { all: true })) as Result<ListenerInfo[]>;
    expect(all.ok && all.value.map((l) => l.id).sort()).toEqual([b.id, c.id].sort());
    const unknown = await service.dispatch('listenStop', { id: 'nope' });
    expect(unknown.ok).toBe(false);
  });

  it('dispose closes every listener', async () => {
    const own = createService({ pollIntervalMs: 0 });
    const ports: { port: number; protocol: 'tcp' | 'udp' }[] = [];
    for (const protocol of ['tcp', 'udp'] as const) {
      const port = await freePort(protocol, '127.0.0.1');
      const result = (await own.dispatch('listenStart', { port, protocol, host: '127.0.0.1', reply: { kind: 'echo' } })) as Result<ListenerInfo>;
      expect(result.ok && result.value.running).toBe(true);
      ports.push({ port, protocol });
    }
    await own.dispose();
    for (const { port, protocol } of ports) {
      const probe = (await service.dispatch('probe', { host: '127.0.0.1', port, protocol, timeoutMs: 2000 })) as Result<{ verdict: string }>;
      expect(probe.ok && probe.value.verdict).toBe('refused');
    }
  });
});
