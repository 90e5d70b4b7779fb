import { describe, expect, it } from 'vitest';
import { closeAvailability, folderOf, killAvailability, openFolderAvailability } from '../../../src/renderer/src/actions/row-actions';
import { MAC_CLOSE_REASON } from '../../../src/shared/actions';
import { findPortOwners, parsePortQuery } from '../../../src/renderer/src/lib/port-owners';
import { rowAsText, headerAsText } from '../../../src/renderer/src/table/row-text';
import { COLUMNS } from '../../../src/renderer/src/table/column-model';
import { makeRow } from './make-row';

const established = makeRow({ localPort: 51000, remoteAddress: '10.0.0.2', remotePort: 443, state: 'ESTABLISHED' });

describe('row actions say why they are unavailable', () => {
  it('kill needs a known, non-kernel owner and an implemented API', () => {
    expect(killAvailability(makeRow(), {})).toBeNull();
    expect(killAvailability(makeRow({ pid: null, owners: [], ownerHidden: 'not root: owned by uid 0' }), {})).toBe('not root: owned by uid 0');
    expect(killAvailability(makeRow({ pid: 4 }), {})).toMatch(/kernel/);
    expect(killAvailability(makeRow(), { kill: 'kill is not implemented yet' })).toBe('kill is not implemented yet');
  });
  it('close is for established TCP only', () => {
    expect(closeAvailability(established, {})).toBeNull();
    expect(closeAvailability(makeRow(), {})).toMatch(/Only established TCP/);
    expect(closeAvailability({ ...established, protocol: 'udp' }, {})).toMatch(/Only established TCP/);
    expect(closeAvailability(established, { close: 'Needs administrator' })).toBe('Needs administrator');
  });
  it('close is disabled up front on macOS, with the reason', () => {
    expect(closeAvailability(established, {}, 'darwin')).toBe(MAC_CLOSE_REASON);
    expect(MAC_CLOSE_REASON).toMatch(/macOS/);
    expect(closeAvailability(established, {}, 'linux')).toBeNull();
    expect(closeAvailability(established, {}, 'win32')).toBeNull();
  });
  it('open folder needs a path and the desktop app', () => {
    expect(openFolderAvailability(makeRow({ processPath: null }), {})).toMatch(/path is not known/);
    expect(openFolderAvailability(makeRow(), { openPath: 'desktop app only' })).toBe('desktop app only');
    expect(folderOf('/usr/sbin/nginx')).toBe('/usr/sbin');
    expect(folderOf('C:\\Windows\\System32\\svchost.exe')).toBe('C:\\Windows\\System32');
    expect(folderOf('C:\\app.exe')).toBe('C:\\');
    expect(folderOf('/init')).toBe('/');
  });
});

describe('port search', () => {
  it('accepts "8080", ":8080", "8080/tcp" and rejects junk or out-of-range ports', () => {
    expect(parsePortQuery('8080')).toBe(8080);
    expect(parsePortQuery(' :8080 ')).toBe(8080);
    expect(parsePortQuery('53/udp')).toBe(53);
    expect(parsePortQuery('0')).toBeNull();
    expect(parsePortQuery('70000')).toBeNull();
    expect(parsePortQuery('80a')).toBeNull();
  });
  it('owners are the listeners/bound sockets on the local port; connections are counted; closed rows ignored', () => {
    const live = (row: ReturnType<typeof makeRow>, status: 'steady' | 'removed' = 'steady') => ({ row, status, statusAt: 0, firstSeq: 1 });
    const rows = [
      live(makeRow({ localPort: 80 })),
      live(makeRow({ localPort: 80, protocol: 'udp', state: null, family: 6, localAddress: '::' })),
      live(makeRow({ localPort: 80, remoteAddress: '1.2.3.4', remotePort: 5555, state: 'ESTABLISHED' })),
      live(makeRow({ localPort: 8080 })),
      live(makeRow({ localPort: 80, localAddress: '127.0.0.1', processName: 'old' }), 'removed'),
    ];
    const found = findPortOwners(rows, 80);
    expect(found.owners.map((r) => `${r.protocol}${r.family}`)).toEqual(['tcp4', 'udp6']);
    expect(found.connections).toBe(1);
  });
});

describe('copy text', () => {
  it('tab-separated cells in the visible column order, with a matching header', () => {
    expect(rowAsText(established, ['process', 'pid', 'remoteAddress', 'remotePort', 'state'])).toBe('nginx\t100\t10.0.0.2\t443\tESTABLISHED');
    expect(headerAsText(['pid', 'localPort'])).toBe('PID\tLocal port');
  });
  it('the remote host column shows the resolved name, else the address', () => {
    expect(COLUMNS.remoteHost.text(established)).toBe('10.0.0.2');
    expect(COLUMNS.remoteHost.text(established, { hosts: { '10.0.0.2': null } })).toBe('10.0.0.2');
    expect(COLUMNS.remoteHost.text(established, { hosts: { '10.0.0.2': 'db.internal' } })).toBe('db.internal');
    expect(rowAsText(established, ['remoteAddress', 'remoteHost'], { hosts: { '10.0.0.2': 'db.internal' } })).toBe('10.0.0.2\tdb.internal');
    expect(COLUMNS.remoteHost.text(makeRow())).toBe('');
    expect(COLUMNS.state.text(makeRow({ protocol: 'udp', state: null }))).toBe('UNCONN');
  });
});
