/**
 * Collector chains per platform, best first. The engine uses the first available collector and falls
 * back down the chain when one fails. Each engine asks for its own chain: collectors may keep state
 * between polls (Linux's socket owner index).
 */
import type { Collector } from './types';
import { linuxCollectors } from './linux/index';
import { windowsCollectors } from './windows/index';
import { macosCollectors } from './macos/index';

const CHAINS: Partial<Record<NodeJS.Platform, () => readonly Collector[]>> = {
  linux: linuxCollectors,
  win32: () => windowsCollectors,
  darwin: () => macosCollectors,
};

export function collectorChain(platform: NodeJS.Platform = process.platform): readonly Collector[] {
  return CHAINS[platform]?.() ?? [];
}
