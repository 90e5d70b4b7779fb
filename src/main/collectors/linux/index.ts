/**
 * A fresh Linux collector chain, best first: the native reader's sock_diag dump (when built), ss (netlink),
 * /proc/net, systeminformation. The first three share one owner state (its fd tables carry over between
 * polls), so each engine builds its own.
 */
import type { Collector } from '../types';
import { createSockDiagCollector } from './sock-diag-collector';
import { createSsCollector } from './ss-collector';
import { createProcNetCollector } from './proc-net-collector';
import { LiveOwners } from './linux-collection';
import { systeminformationCollector } from './systeminformation-collector';

export function linuxCollectors(): Collector[] {
  const owners = new LiveOwners();
  return [createSockDiagCollector(owners), createSsCollector(owners), createProcNetCollector(owners), systeminformationCollector];
}
