/** The Linux collector chain, best first: ss (netlink), /proc/net + fd walk, systeminformation. */
import type { Collector } from '../types';
import { ssCollector } from './ss-collector';
import { procNetCollector } from './proc-net-collector';
import { systeminformationCollector } from './systeminformation-collector';

export const linuxCollectors: Collector[] = [ssCollector, procNetCollector, systeminformationCollector];
