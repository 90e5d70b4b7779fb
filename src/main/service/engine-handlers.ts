import type { Handlers, Emit } from './handlers';
import type { Engine } from '../engine/engine';
import { err } from '../../shared/result';

type EngineHandlers = Pick<Handlers, 'list' | 'who' | 'setPollInterval'>;

/** STUB — the engine area implements these. */
export function createEngineHandlers(ctx: { engine: Engine; emit: Emit }): EngineHandlers {
  void ctx;
  return {
    list: async () => err('NOT_IMPLEMENTED', 'list is not implemented yet'),
    who: async () => err('NOT_IMPLEMENTED', 'who is not implemented yet'),
    setPollInterval: async () => err('NOT_IMPLEMENTED', 'setPollInterval is not implemented yet'),
  };
}
