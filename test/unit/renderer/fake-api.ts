import type { ApiInput, ApiMethod, ApiOutput, PortScopeApi, PushEvent } from '../../../src/shared/api';
import { API_METHODS } from '../../../src/shared/api';
import { err, ok, type Result } from '../../../src/shared/result';
import type { Snapshot } from '../../../src/shared/types';

/** Canned answers per method (given the input, now or later); they win over the built-in `list` and
 * `setPollInterval` answers; other methods without one answer NOT_IMPLEMENTED. */
export type FakeAnswers = Partial<{ [M in ApiMethod]: (input: ApiInput<M>) => Result<ApiOutput<M>> | Promise<Result<ApiOutput<M>>> }>;

/** A PortScopeApi double: `list` returns the current `snapshot`, tests push events with `emit`. */
export function createFakeApi(initial: Snapshot, answers: FakeAnswers = {}) {
  const handlers = new Set<(e: PushEvent) => void>();
  const calls: { method: ApiMethod; input: unknown }[] = [];
  const state = { snapshot: initial };
  const api = Object.fromEntries(
    API_METHODS.map((m) => [
      m,
      async (input: unknown): Promise<Result<unknown>> => {
        calls.push({ method: m, input });
        const answer = answers[m] as ((input: unknown) => Result<unknown> | Promise<Result<unknown>>) | undefined;
        if (answer) return answer(input);
        if (m === 'list') return ok(structuredClone(state.snapshot));
        if (m === 'setPollInterval') return ok(input);
        return err('NOT_IMPLEMENTED', `${m} is not implemented yet`);
      },
    ]),
  ) as unknown as PortScopeApi;
  api.subscribe = (h) => {
    handlers.add(h);
    return () => handlers.delete(h);
  };
  return { api, calls, state, emit: (e: PushEvent) => handlers.forEach((h) => h(e)), listeners: () => handlers.size };
}
