/**
 * A fresh Linux collector chain, best first: ss (netlink), /proc/net, systeminformation. The first two
 * share one owner state (its fd tables carry over between polls), so each engine builds its own.
 */
import type { Collector } from '../types';
import { createSsCollector } from './ss-collector';
import { createProcNetCollector } from './proc-net-collector';
import { LiveOwners } from './linux-collection';
import { systeminformationCollector } from './systeminformation-collector';

export function linuxCollectors(): Collector[] {
  const owners = new LiveOwners();
  return [createSsCollector(owners), createProcNetCollector(owners), systeminformationCollector];
}
