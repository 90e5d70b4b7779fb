/**
 * The catalog context for this machine: platform and ephemeral range, read once per process.
 * When the OS will not tell, the platform's default range is used (it is right on almost every
 * machine) and `ephemeralSource` says so.
 */
import type { CatalogContext, CatalogPlatform, EphemeralRange } from '../../shared/catalog/types';
import { readEphemeralRange } from './read-port-ranges';

export interface MachineCatalogContext extends CatalogContext {
  ephemeralSource: 'os' | 'default' | 'none';
}

/** Defaults: Linux since 2.6, Windows Vista / Server 2008 and later, macOS (IANA's dynamic range). */
export const DEFAULT_EPHEMERAL_RANGES: Record<CatalogPlatform, EphemeralRange> = {
  linux: { low: 32768, high: 60999 },
  win32: { low: 49152, high: 65535 },
  darwin: { low: 49152, high: 65535 },
};

/** Windows 2000 / XP / Server 2003 (and the range those documents call "legacy"). */
export const LEGACY_WINDOWS_EPHEMERAL_RANGE: EphemeralRange = { low: 1025, high: 5000 };

export function currentPlatform(): CatalogPlatform | null {
  const p = process.platform;
  return p === 'win32' || p === 'linux' || p === 'darwin' ? p : null;
}

let cached: Promise<MachineCatalogContext> | null = null;

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
  return (cached ??= loadContext());
}
