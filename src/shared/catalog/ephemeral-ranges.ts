/**
 * Default ephemeral (dynamic) port ranges, for when the OS cannot be asked: imported captures from
 * another machine, or a failed read. The live range is read from the OS in src/main/catalog.
 */
import type { CatalogPlatform, EphemeralRange } from './types';

/** Linux since 2.6 (ip_local_port_range), Windows Vista / Server 2008 and later, macOS. */
export const DEFAULT_EPHEMERAL_RANGES: Readonly<Record<CatalogPlatform, EphemeralRange>> = {
  linux: { low: 32768, high: 60999 },
  win32: { low: 49152, high: 65535 },
  darwin: { low: 49152, high: 65535 },
};

/** Windows 2000, XP and Server 2003 ("legacy" in Microsoft's port articles). */
export const LEGACY_WINDOWS_EPHEMERAL_RANGE: EphemeralRange = { low: 1025, high: 5000 };
