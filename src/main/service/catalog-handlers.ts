import type { Handlers } from './handlers';
import { ok } from '../../shared/result';
import { describePorts } from '../../shared/catalog/index';

type CatalogHandlers = Pick<Handlers, 'describe'>;

/** The catalog is pure data: describe answers from it directly (ports are validated by the schema). */
export function createCatalogHandlers(): CatalogHandlers {
  return {
    describe: async ({ ports }) => ok(describePorts(ports)),
  };
}
