import { describe, expect, it } from 'vitest';
import { createListenerManager } from '../../../src/main/listener/listener-manager';
import type { ListenerInfo } from '../../../src/shared/listener';
import { freePort, udpExchange } from './helpers';

describe('listener log', () => {
  it('keeps only the newest entries up to the cap while counting every peer', async () => {
    const changes: ListenerInfo[] = [];
    const manager = createListenerManager({
      onChange: (info) => changes.push(info),
      facts: {
        platform: process.platform,
        rows: async () => [],
        excludedRanges: async () => [],
        unprivilegedPortStart: async () => 1024,
        localAddresses: () => ['127.0.0.1'],
      },
      localAddresses: () => [],
      logCap: 3,
      notifyDelayMs: 1,
    });
    const port = await freePort('udp', '127.0.0.1');
    const started = await manager.start({ port, protocol: 'udp', host: '127.0.0.1', reply: { kind: 'echo' } });
    expect(started.ok && 'id' in started.value).toBe(true);
    for (let i = 1; i <= 5; i++) {
      const { answer } = await udpExchange('127.0.0.1', port, `datagram ${i}`, 5000);
      expect(answer?.toString()).toBe(`datagram ${i}`);
    }
    const [info] = manager.list();
    expect(info?.peerCount).toBe(5);
    expect(info?.log.map((e) => e.firstBytesText)).toEqual(['datagram 3', 'datagram 4', 'datagram 5']);
    expect(info?.log.map((e) => e.seq)).toEqual([3, 4, 5]);
    await manager.dispose();
    expect(changes.at(-1)?.running).toBe(false);
    expect(changes.at(-1)?.stopReason).toBe('quit');
  });
});
