import { describe, expect, it } from 'vitest';
import { rowFromSystemInformation } from '../../../../src/main/collectors/linux/systeminformation-collector';

const base = { protocol: 'tcp', localAddress: '127.0.0.1', localPort: '8080', peerAddress: '0.0.0.0', peerPort: '*', state: 'LISTEN', pid: 42, process: 'node' };

describe('rowFromSystemInformation (last-fallback mapping)', () => {
  it('turns string ports into numbers and a listener peer into null', () => {
    expect(rowFromSystemInformation(base)).toMatchObject({ protocol: 'tcp', family: 4, localPort: 8080, remoteAddress: null, remotePort: null, state: 'LISTEN', owners: [{ pid: 42, processName: 'node' }] });
  });
  it('maps IPv6, UDP (state null), hyphenated states, missing pids', () => {
    expect(rowFromSystemInformation({ ...base, protocol: 'tcp6', localAddress: '::', state: 'SYN_RECV', peerAddress: '::1', peerPort: '5000' })).toMatchObject({ family: 6, localAddress: '::', state: 'SYN_RECEIVED', remoteAddress: '::1', remotePort: 5000 });
    expect(rowFromSystemInformation({ ...base, protocol: 'udp', state: '', pid: 0, process: '' })).toMatchObject({ state: null, owners: [] });
    expect(rowFromSystemInformation({ ...base, localPort: 'x' })).toBeNull();
    expect(rowFromSystemInformation({ ...base, protocol: 'raw' })).toBeNull();
  });
});
