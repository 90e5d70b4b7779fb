/**
 * The process-facts provider per platform: a table built once, not `if (platform)` scattered around.
 * Windows and macOS providers come from ./windows and ./macos (the import/parsers area).
 * TODO(windows, macos): add their providers here once src/main/process/windows|macos export them.
 */
import type { ProcessFactsProvider } from './types';
import { linuxProcessProvider } from './linux/linux-process-provider';

/** Used where no provider exists: rows keep the names the socket source gave. */
export const noProcessProvider: ProcessFactsProvider = {
  name: 'none',
  collect: async () => new Map(),
};

const PROVIDERS: Partial<Record<NodeJS.Platform, ProcessFactsProvider>> = {
  linux: linuxProcessProvider,
};

export function processProviderFor(platform: NodeJS.Platform = process.platform): ProcessFactsProvider {
  return PROVIDERS[platform] ?? noProcessProvider;
}
