/**
 * The process-facts provider per platform: a table built once, not `if (platform)` scattered around.
 */
import type { ProcessFactsProvider } from './types';
import { linuxProcessProvider } from './linux/linux-process-provider';
import { windowsProcessProvider } from './windows/index';
import { macosProcessProvider } from './macos/index';

/** Used where no provider exists: rows keep the names the socket source gave. */
const noProcessProvider: ProcessFactsProvider = {
  name: 'none',
  collect: async () => new Map(),
};

const PROVIDERS: Partial<Record<NodeJS.Platform, ProcessFactsProvider>> = {
  linux: linuxProcessProvider,
  win32: windowsProcessProvider,
  darwin: macosProcessProvider,
};

export function processProviderFor(platform: NodeJS.Platform = process.platform): ProcessFactsProvider {
  return PROVIDERS[platform] ?? noProcessProvider;
}
