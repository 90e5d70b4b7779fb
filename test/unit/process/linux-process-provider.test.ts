import { describe, expect, it } from 'vitest';
import { linuxProcessProvider } from '../../../src/main/process/linux/linux-process-provider';
import { processProviderFor } from '../../../src/main/process/provider-table';

const onLinux = process.platform === 'linux';
if (!onLinux) console.warn('linux-process-provider tests skipped: they read /proc and need Linux');

describe.skipIf(!onLinux)('linuxProcessProvider on this machine', () => {
  it('describes this test process precisely and reuses facts with an unchanged startKey', async () => {
    const first = await linuxProcessProvider.collect([process.pid, 2 ** 22 + 1], new Map());
    const me = first.get(process.pid);
    expect(first.has(2 ** 22 + 1)).toBe(false); // a pid that does not exist is left out
    expect(me?.path).toBe(process.execPath);
    expect(me?.parentPid).toBe(process.ppid);
    expect(me?.command).toContain('node');
    expect(me?.startKey).toMatch(/^\d+$/);
    const startedMs = Date.parse(me!.started!);
    const expectedMs = Date.now() - process.uptime() * 1000;
    expect(Math.abs(startedMs - expectedMs)).toBeLessThan(5000);
    const again = await linuxProcessProvider.collect([process.pid], first);
    expect(again.get(process.pid)).toBe(me); // same object: not read again
    const stale = new Map([[process.pid, { ...me!, startKey: '1', name: 'stale' }]]);
    expect((await linuxProcessProvider.collect([process.pid], stale)).get(process.pid)?.name).not.toBe('stale');
  });

  it('is the provider the platform table picks', () => {
    expect(processProviderFor('linux')).toBe(linuxProcessProvider);
    expect(processProviderFor('aix').name).toBe('none');
  });
});
