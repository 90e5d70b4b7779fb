import type { Handlers } from './handlers';
import { err } from '../../shared/result';

type CatalogHandlers = Pick<Handlers, 'describe'>;

/** STUB — the catalog area implements this. */
export function createCatalogHandlers(): CatalogHandlers {
  return {
    describe: async () => err('NOT_IMPLEMENTED', 'describe is not implemented yet'),
  };
}
