import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/index';
import { memoryIo } from '../../helpers/cli-io';
import type { PortDescription } from '../../../src/shared/catalog/types';
import { createCatalogHandlers } from '../../../src/main/service/catalog-handlers';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo();
  const code = await runCli(args, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('portscope describe', () => {
  it('3389/tcp --json names TermService and Remote Desktop', async () => {
    const { code, out } = await run(['describe', '3389/tcp', '--json']);
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as PortDescription[];
    expect(parsed).toHaveLength(1);
    expect(parsed[0]).toMatchObject({ port: 3389, protocol: 'tcp', range: 'registered' });
    expect(out).toContain('TermService');
    expect(out).toContain('Remote Desktop');
  });

  it('describes several ports; a port without protocol means tcp and udp', async () => {
    const { code, out } = await run(['describe', '53', '445/tcp', '5353/UDP', '--json']);
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as PortDescription[];
    expect(parsed.map((d) => `${d.port}/${d.protocol}`)).toEqual(['53/tcp', '53/udp', '445/tcp', '5353/udp']);
  });

  it('prints meanings with their sources for people', async () => {
    const { code, out } = await run(['describe', '10123/tcp']);
    expect(code).toBe(0);
    expect(out).toContain('10123/tcp  registered port');
    expect(out).toContain('Client notification');
    expect(out).toContain('source: Windows Firewall and port settings for clients in System Center Configuration Manager');
  });

  it.each([['0'], ['65536'], ['80/sctp'], ['abc'], ['-1'], ['22/']])('rejects %s with exit 2 and a clear message', async (arg) => {
    const { code, err, out } = await run(['describe', arg]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^portscope: /);
    expect(err).toMatch(/1 to 65535|\/tcp or .*\/udp|Unknown option/i);
  });

  it('rejects no ports at all with exit 2', async () => {
    const { code, err } = await run(['describe']);
    expect(code).toBe(2);
    expect(err).toContain('give at least one port');
  });
});

describe('describe handler', () => {
  it('answers the API shape', async () => {
    const result = await createCatalogHandlers().describe({ ports: [{ port: 22 }, { port: 3389, protocol: 'tcp' }] });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.map((d) => `${d.port}/${d.protocol}`)).toEqual(['22/tcp', '22/udp', '3389/tcp']);
  });
});
