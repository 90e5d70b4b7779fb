/** `portscope kill` pins every root it showed in the confirmation (pid + startKey), and passes --grace on. */
import { describe, expect, it } from 'vitest';
import { killCommand } from '../../../src/main/cli/commands/kill';
import type { PortScopeService } from '../../../src/main/service/index';
import type { KillOutcome, KillPlanEntry, KillRequest } from '../../../src/shared/actions';
import { apiInputSchemas } from '../../../src/shared/api-schemas';
import { ok, type Result } from '../../../src/shared/result';
import { memoryIo } from '../../helpers/cli-io';

const entry = (pid: number, startKey: string | null, role: 'target' | 'child' = 'target'): KillPlanEntry => ({
  pid,
  name: 'srv',
  path: null,
  startKey,
  ports: [],
  children: [],
  services: [],
  role,
});

function fakeService(plan: KillOutcome) {
  const requests: KillRequest[] = [];
  const service = {
    async dispatch(method: string, input: unknown): Promise<Result<unknown>> {
      expect(method).toBe('kill');
      // What the CLI sends must pass the service's validation.
      expect(apiInputSchemas.kill.safeParse(input).success).toBe(true);
      const req = input as KillRequest;
      requests.push(req);
      return ok(req.confirm ? { ...plan, result: 'ended', message: 'ended' } : plan);
    },
  } as unknown as PortScopeService;
  return { service, requests };
}

describe('portscope kill --yes', () => {
  it('sends targets: [{pid, startKey}] for every root of a port (not one startKey for the first), never the children', async () => {
    const plan: KillOutcome = { result: 'planned', message: 'would end …', targets: [entry(500, '111'), entry(501, '112'), entry(502, '113', 'child')] };
    const { service, requests } = fakeService(plan);
    const io = memoryIo();
    const code = await killCommand.run({ values: { port: '8080', yes: true, grace: '1500', tree: true }, positionals: [], io, service: () => service });
    expect(code).toBe(0);
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({ port: 8080, confirm: false, graceMs: 1500 });
    expect(requests[1]).toMatchObject({
      port: 8080,
      confirm: true,
      graceMs: 1500,
      tree: true,
      targets: [
        { pid: 500, startKey: '111' },
        { pid: 501, startKey: '112' },
      ],
    });
  });

  it('pins a single --pid root too', async () => {
    const { service, requests } = fakeService({ result: 'planned', message: '', targets: [entry(42, '9')] });
    await killCommand.run({ values: { pid: '42', yes: true }, positionals: [], io: memoryIo(), service: () => service });
    expect(requests[1]).toMatchObject({ pid: 42, confirm: true, targets: [{ pid: 42, startKey: '9' }] });
  });
});
