import { describe, expect, it } from 'vitest';
import { parsePsLstart, splitCommArgs } from '../../../../src/main/process/macos/parse-ps';

const PS = [
  '  PID STARTED                      USER             COMM             ARGS',
  '    1 Sat Nov 21 08:01:12 2026     root             /sbin/launchd    /sbin/launchd',
  '  412 Sat Nov 21 08:01:30 2026     _cupsd           /usr/sbin/cupsd  /usr/sbin/cupsd -l',
  '22712 Sun Nov 22 09:05:01 2026     alice            /Applications/Autodesk Fusion.app/Contents/MacOS/Autodesk Fusion /Applications/Autodesk Fusion.app/Contents/MacOS/Autodesk Fusion -psn_0_1',
  '  935 Sun Nov  2 10:00:00 2026     alice            Mail             Mail',
  'garbage line',
].join('\n');

describe('parsePsLstart', () => {
  const { byPid, unparsed } = parsePsLstart(PS);
  it('reads pid, local start time, user, comm with spaces and args', () => {
    expect(unparsed).toEqual(['garbage line']);
    expect(byPid.get(412)).toMatchObject({ name: 'cupsd', path: '/usr/sbin/cupsd', command: '/usr/sbin/cupsd -l', user: '_cupsd' });
    expect(byPid.get(412)!.started).toBe(new Date(2026, 10, 21, 8, 1, 30).toISOString());
    expect(byPid.get(22712)).toMatchObject({
      name: 'Autodesk Fusion',
      path: '/Applications/Autodesk Fusion.app/Contents/MacOS/Autodesk Fusion',
      command: '/Applications/Autodesk Fusion.app/Contents/MacOS/Autodesk Fusion -psn_0_1',
    });
    expect(byPid.get(935)).toMatchObject({ name: 'Mail', path: null, command: 'Mail' });
    expect(byPid.get(935)!.startKey).not.toBe(byPid.get(412)!.startKey);
  });
  it('splits comm and args', () => {
    expect(splitCommArgs('/bin/zsh -zsh')).toEqual({ comm: '/bin/zsh', args: '-zsh' });
    expect(splitCommArgs('single')).toEqual({ comm: 'single', args: '' });
  });
});
