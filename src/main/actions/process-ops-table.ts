/** The platform table for ProcessOps, built once. */
import type { ProcessOps } from './process-ops';
import { linuxProcessOps } from './process-ops-linux';
import { macosProcessOps } from './process-ops-macos';
import { windowsProcessOps } from './process-ops-windows';

const OPS: Partial<Record<NodeJS.Platform, () => ProcessOps>> = {
  linux: linuxProcessOps,
  darwin: macosProcessOps,
  win32: windowsProcessOps,
};

let cached: ProcessOps | null = null;

/** The current platform's ProcessOps (POSIX behaviour for other Unixes). */
export function processOps(): ProcessOps {
  cached ??= (OPS[process.platform] ?? macosProcessOps)();
  return cached;
}
