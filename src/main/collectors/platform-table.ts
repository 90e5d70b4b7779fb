/**
 * Collector chains per platform, best first, built once. The engine uses the first available collector
 * and falls back down the chain when one fails.
 * TODO(windows, macos): import `windowsCollectors` from ./windows/index and `macosCollectors` from
 * ./macos/index once the parsers area creates those files.
 */
import type { Collector } from './types';
import { linuxCollectors } from './linux/index';

const CHAINS: Partial<Record<NodeJS.Platform, readonly Collector[]>> = {
  linux: linuxCollectors,
  win32: [],
  darwin: [],
};

export function collectorChain(platform: NodeJS.Platform = process.platform): readonly Collector[] {
  return CHAINS[platform] ?? [];
}
