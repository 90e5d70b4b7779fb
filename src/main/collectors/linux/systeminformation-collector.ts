/**
 * systeminformation.networkConnections(): the last fallback only. It drops unconnected UDP sockets,
 * keeps one owner per socket and loses pids of names with spaces (see the os-sources reference), but
 * it is better than no table when neither ss nor /proc/net can be read.
 */
import type si from 'systeminformation';
import type { RawSocket } from '../../../shared/types';
import type { Collector } from '../types';
import { finishLinuxCollection } from './linux-collection';

const STATE_WORDS: Record<string, string> = { SYN_RECV: 'SYN_RECEIVED', CLOSE: 'CLOSED', LISTENING: 'LISTEN' };

function port(text: string | number): number | null {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 && n <= 65535 ? n : null;
}

const isAny = (a: string): boolean => a === '' || a === '*' || a === '0.0.0.0' || a === '::';

export function rowFromSystemInformation(c: si.Systeminformation.NetworkConnectionsData): RawSocket | null {
  const protocol = c.protocol.startsWith('tcp') ? 'tcp' : c.protocol.startsWith('udp') ? 'udp' : null;
  const localPort = port(c.localPort);
  if (!protocol || localPort === null) return null;
  const family = c.protocol.endsWith('6') || c.localAddress.includes(':') ? 6 : 4;
  const remotePort = port(c.peerPort);
  const remote = isAny(c.peerAddress) && remotePort === null ? null : c.peerAddress;
  const word = (c.state ?? '').toUpperCase().replace(/-/g, '_');
  return {
    protocol,
    family,
    localAddress: isAny(c.localAddress) ? (family === 6 ? '::' : '0.0.0.0') : c.localAddress,
    localPort,
    localScope: null,
    remoteAddress: remote,
    remotePort: remote === null ? null : remotePort,
    remoteScope: null,
    state: protocol === 'udp' || word === '' ? null : (STATE_WORDS[word] ?? word),
    owners: c.pid ? [{ pid: c.pid, processName: c.process || null }] : [],
    uid: null,
    ownerHidden: null,
    dualStack: null,
  };
}

export const systeminformationCollector: Collector = {
  name: 'systeminformation',
  available: async () => true,
  async collect() {
    const rows: RawSocket[] = [];
    let unparsed = 0;
    const { default: systeminformation } = await import('systeminformation'); // the last fallback: loaded only when used
    for (const c of await systeminformation.networkConnections()) {
      const row = rowFromSystemInformation(c);
      if (row) rows.push(row);
      else unparsed++;
    }
    return finishLinuxCollection(rows, unparsed);
  },
};
