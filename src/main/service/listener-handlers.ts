import type { Handlers, Emit } from './handlers';
import type { Engine } from '../engine/engine';
import { err } from '../../shared/result';

type ListenerHandlers = Pick<Handlers, 'listenStart' | 'listenStop' | 'listeners' | 'probe' | 'localAddresses'>;

/** STUB — the listener area implements these; dispose() must close every listener. */
export function createListenerHandlers(ctx: { engine: Engine; emit: Emit }): {
  handlers: ListenerHandlers;
  dispose(): Promise<void>;
} {
  void ctx;
  const notYet = 'The test listener arrives with the listener issue (#5).';
  return {
    handlers: {
      listenStart: async () => err('NOT_IMPLEMENTED', notYet),
      listenStop: async () => ({ ok: true, value: [] }),
      listeners: async () => ({ ok: true, value: [] }),
      probe: async () => err('NOT_IMPLEMENTED', notYet),
      localAddresses: async () => ({ ok: true, value: [] }),
    },
    dispose: async () => undefined,
  };
}
