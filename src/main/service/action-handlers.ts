import type { Handlers } from './handlers';
import type { Engine } from '../engine/engine';
import { err } from '../../shared/result';

type ActionHandlers = Pick<Handlers, 'kill' | 'close' | 'auditLog'>;

/** STUB — the actions area implements these. */
export function createActionHandlers(ctx: { engine: Engine; dataDir?: string }): ActionHandlers {
  void ctx;
  const notYet = 'Kill and close arrive with the actions issue (#6).';
  return {
    kill: async () => err('NOT_IMPLEMENTED', notYet),
    close: async () => err('NOT_IMPLEMENTED', notYet),
    auditLog: async () => ({ ok: true, value: [] }),
  };
}
