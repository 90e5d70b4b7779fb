/**
 * The catalog context for this machine: platform and ephemeral range, read once per process.
 * When the OS will not tell, the platform's default range is used (it is right on almost every
 * machine) and `ephemeralSource` says so.
 */
import type { CatalogContext, CatalogPlatform } from '../../shared/catalog/types';
import { annotateRows } from '../../shared/catalog/annotate';
import { dependsOnListeners, listeningKeys } from '../../shared/catalog/service-port';
import { DEFAULT_EPHEMERAL_RANGES } from '../../shared/catalog/ephemeral-ranges';
import { readEphemeralRange } from './read-port-ranges';
import type { RowAnnotator } from '../engine/engine';

export { DEFAULT_EPHEMERAL_RANGES, LEGACY_WINDOWS_EPHEMERAL_RANGE } from '../../shared/catalog/ephemeral-ranges';

export interface MachineCatalogContext extends CatalogContext {
  ephemeralSource: 'os' | 'default' | 'none';
}

export function currentPlatform(): CatalogPlatform | null {
  const p = process.platform;
  return p === 'win32' || p === 'linux' || p === 'darwin' ? p : null;
}

let cached: Promise<MachineCatalogContext> | null = null;
let resolved: MachineCatalogContext | null = null;

async function loadContext(): Promise<MachineCatalogContext> {
  const platform = currentPlatform();
  // Other Unixes: annotate like Linux but without guessing a range.
  if (!platform) return { platform: 'linux', ephemeralRange: null, ephemeralSource: 'none' };
  const read = await readEphemeralRange(platform);
  return read.ok
    ? { platform, ephemeralRange: read.value, ephemeralSource: 'os' }
    : { platform, ephemeralRange: DEFAULT_EPHEMERAL_RANGES[platform], ephemeralSource: 'default' };
}

/** Cached for the life of the process (the range changes only by admin action and is rarely touched). */
export function catalogContext(): Promise<MachineCatalogContext> {
  return (cached ??= loadContext().then((context) => (resolved = context)));
}

/**
 * The context without waiting, for synchronous callers (the engine's annotate hook): the OS's range
 * once it has been read, the platform default until then. The first call starts the read.
 */
export function catalogContextNow(): MachineCatalogContext {
  if (resolved) return resolved;
  void catalogContext();
  const platform = currentPlatform();
  return platform
    ? { platform, ephemeralRange: DEFAULT_EPHEMERAL_RANGES[platform], ephemeralSource: 'default' }
    : { platform: 'linux', ephemeralRange: null, ephemeralSource: 'none' };
}

/** The engine's annotator: catalog meanings and owner verdicts for this machine's rows. */
export const localRowAnnotator: RowAnnotator = {
  contextKey() {
    const { platform, ephemeralRange: r } = catalogContextNow();
    return r ? `${platform}:${r.low}-${r.high}` : platform;
  },
  tableKeys: listeningKeys,
  reads: dependsOnListeners,
  annotate(rows, table, tableKeys) {
    annotateRows(rows, catalogContextNow(), table, tableKeys);
  },
};
