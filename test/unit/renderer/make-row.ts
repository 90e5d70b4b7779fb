import type { SocketRow } from '../../../src/shared/types';

/** A complete SocketRow with sensible defaults; override what the test is about. */
export function makeRow(over: Partial<SocketRow> = {}): SocketRow {
  const base: SocketRow = {
    id: '',
    protocol: 'tcp',
    family: 4,
    localAddress: '0.0.0.0',
    localPort: 80,
    localScope: null,
    remoteAddress: null,
    remotePort: null,
    remoteScope: null,
    state: 'LISTEN',
    owners: [{ pid: 100, processName: 'nginx' }],
    uid: 0,
    ownerHidden: null,
    dualStack: null,
    pid: 100,
    processName: 'nginx',
    services: [],
    user: 'root',
    processPath: '/usr/sbin/nginx',
    processCommand: 'nginx -g daemon off;',
    processStarted: '2024-01-01T00:00:00.000Z',
    meaning: { name: 'http', description: 'World Wide Web HTTP', source: 'IANA' },
    ...over,
  };
  if (!over.id) base.id = `${base.protocol}|${base.localAddress}:${base.localPort}|${base.remoteAddress ?? '*'}:${base.remotePort ?? '*'}|${base.pid ?? '-'}`;
  return base;
}
