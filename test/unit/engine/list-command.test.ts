import { describe, expect, it } from 'vitest';
import { listCommand } from '../../../src/main/cli/commands/list';
import { whoCommand } from '../../../src/main/cli/commands/who';
import type { CommandContext, ParsedValues } from '../../../src/main/cli/command';
import type { PortScopeService } from '../../../src/main/service/index';
import { buildRows } from '../../../src/main/engine/build-rows';
import type { Snapshot } from '../../../src/shared/types';
import { memoryIo } from '../../helpers/cli-io';
import { raw } from './fake-sources';

const snapshot: Snapshot = {
  seq: 1, takenAt: '2026-01-01T00:00:00.000Z', costMs: 1, source: 'ss', unparsedLines: 3, ownersHidden: 'run as root',
  rows: buildRows([raw({ localPort: 80 }), raw({ localPort: 81, owners: [], ownerHidden: 'owned by uid 0 (root)' })], { facts: new Map() }),
};

function context(values: ParsedValues, positionals: string[] = []) {
  const io = memoryIo();
  const calls: [string, unknown][] = [];
  const service = {
    dispatch: async (method: string, input: unknown) => {
      calls.push([method, input]);
      return { ok: true, value: method === 'who' ? snapshot.rows : snapshot };
    },
    engine: { latest: () => snapshot },
  } as unknown as PortScopeService;
  const ctx: CommandContext = { values, positionals, io, service: () => service };
  return { ctx, io, calls };
}

describe('list command', () => {
  it('keeps --json valid on stdout and reports unreadable lines and hidden owners on stderr', async () => {
    const { ctx, io } = context({ json: true });
    expect(await listCommand.run(ctx)).toBe(0);
    expect(JSON.parse(io.stdout())).toHaveLength(2);
    expect(io.stderr()).toContain('portscope: 3 line(s) of ss output could not be read');
    expect(io.stderr()).toContain('portscope: note: run as root');
  });

  it('turns flags into the list input', async () => {
    const { ctx, calls } = context({ listening: true, udp: true, port: '53', pid: '7', process: 'dns' });
    await listCommand.run(ctx);
    expect(calls).toEqual([['list', { listening: true, protocol: 'udp', port: 53, pid: 7, process: 'dns' }]]);
  });

  it('rejects bad ports and pids as usage errors', async () => {
    await expect(listCommand.run(context({ port: '0' }).ctx)).rejects.toThrow(/1 to 65535/);
    await expect(listCommand.run(context({ pid: 'x' }).ctx)).rejects.toThrow(/not a pid/);
    await expect(whoCommand.run(context({ tcp: true, udp: true }, ['80']).ctx)).rejects.toThrow(/not both/);
  });

  it('who passes the protocol through', async () => {
    const { ctx, calls } = context({ tcp: true, json: true }, ['80']);
    expect(await whoCommand.run(ctx)).toBe(0);
    expect(calls).toEqual([['who', { port: 80, protocol: 'tcp' }]]);
  });
});
