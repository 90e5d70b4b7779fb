/** Which ports to try when suggesting a free one: nearest first, skipping what cannot work. Pure. */
import { findExcludedRange, type ExcludedPortRange } from '../catalog/parse-port-ranges';

export interface CandidateOptions {
  /** Lowest port worth trying (the unprivileged start when low ports are refused). */
  minPort: number;
  excludedRanges: ExcludedPortRange[];
  limit: number;
}

/**
 * port+1, port-1, port+2, … within [minPort, 65535], outside excluded ranges. When the port itself is
 * below minPort (a privileged port), the conventional alternatives come first: 80 → 8080, 443 → 8443.
 */
export function candidatePorts(port: number, options: CandidateOptions): number[] {
  const out: number[] = [];
  const seen = new Set<number>([port]);
  const push = (p: number): void => {
    if (p < Math.max(1, options.minPort) || p > 65535 || seen.has(p)) return;
    seen.add(p);
    if (!findExcludedRange(options.excludedRanges, p)) out.push(p);
  };
  let center = port;
  if (port < options.minPort) {
    push(port + 8000);
    center = options.minPort;
    push(center);
  }
  for (let step = 1; out.length < options.limit && (center + step <= 65535 || center - step >= 1); step++) {
    push(center + step);
    push(center - step);
  }
  return out.slice(0, options.limit);
}
