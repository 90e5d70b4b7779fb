import { describe, expect, it } from 'vitest';
import { formatEndpoint, formatRows, printCollectionNotes, printRows, rowFormatFrom } from '../../../src/main/cli/print-rows';
import { memoryIo } from '../../helpers/cli-io';
import { printable } from '../../../src/shared/printable';
import { rowsToCsv } from '../../../src/shared/export/rows-csv';
import { buildRows } from '../../../src/main/engine/build-rows';
import { UsageError } from '../../../src/main/cli/command';
import { raw } from './fake-sources';

const rows = buildRows(
  [
    raw({ localPort: 80, owners: [{ pid: 1, processName: 'my app, "v2"' }, { pid: 2, processName: 'x' }] }),
    raw({ family: 6, localAddress: '::', localPort: 22, dualStack: true, owners: [], ownerHidden: 'owned by uid 0 (root)' }),
    raw({ protocol: 'udp', family: 6, localAddress: 'fe80::1', localScope: 'eth0', localPort: 546, state: null, owners: [{ pid: 3, processName: '=cmd' }] }),
  ],
  { facts: new Map() },
);

describe('print-rows', () => {
  it('prints an aligned table with the contract columns', () => {
    const lines = formatRows(rows, 'table').trimEnd().split('\n');
    expect(lines[0]).toMatch(/^PROCESS\s+PID\s+PROTO\s+LOCAL\s+REMOTE\s+STATE$/);
    const localColumn = lines[0]!.indexOf('LOCAL');
    expect(lines.slice(1).map((l) => l.slice(localColumn).split(/\s+/)[0])).toEqual(['*:22', '127.0.0.1:80', '[fe80::1%eth0]:546']);
    expect(lines.some((l) => l.startsWith('(hidden)'))).toBe(true);
    expect(lines.some((l) => l.startsWith('my app, "v2" (+1)'))).toBe(true);
  });

  it('shows escape sequences and bidi overrides in names as ?, never raw on the terminal', () => {
    const hostile = buildRows(
      [raw({ localPort: 81, owners: [{ pid: 4, processName: 'c\u001b[31mRED\u001b]0;pwned\u0007\u009b2J\u202eexe.sh' }] })],
      { facts: new Map() },
    );
    const text = formatRows(hostile, 'table');
    expect(printable(text)).toBe(text); // nothing unsafe left
    expect(text).toContain('c?[31mRED?]0;pwned??2J?exe.sh');
    // The machine formats keep the name as it is.
    expect((JSON.parse(JSON.stringify(hostile)) as { processName: string }[])[0]!.processName).toContain('\u001b[31m');
  });

  it('adds the MEANING column when a row has a meaning', () => {
    const withMeaning = rows.map((r) => (r.localPort === 22 ? { ...r, meaning: { name: 'ssh', description: 'SSH', source: 'iana' } } : r));
    const text = formatRows(withMeaning, 'table');
    expect(text.split('\n')[0]).toMatch(/MEANING$/);
    expect(text).toMatch(/\bssh\b/);
  });

  it('prints one JSON array of contract rows: indented on a terminal, one compact line for a program', () => {
    const person = memoryIo(Buffer.alloc(0), true);
    const program = memoryIo();
    printRows(person, rows, 'json');
    printRows(program, rows, 'json');
    for (const io of [person, program]) expect((JSON.parse(io.stdout()) as { pid: number | null }[]).map((r) => r.pid)).toEqual([null, 1, 3]);
    expect(person.stdout()).toBe(`${JSON.stringify(rows, null, 2)}\n`);
    expect(program.stdout()).toBe(`${JSON.stringify(rows)}\n`);
  });

  it('prints CSV with quoting and formula protection', () => {
    const csv = rowsToCsv(rows, ['localPort', 'processName', 'owners']);
    expect(csv.split('\r\n')).toEqual(['localPort,processName,owners', '22,,', '80,"my app, ""v2""","1:my app, ""v2"" 2:x"', `546,"'=cmd",3:=cmd`, '']);
    // Every lead a spreadsheet reads as a formula (OWASP's list); "-bash" is a login shell's argv[0].
    const leads = ["-2+3+cmd|' /C calc'!A0", '-bash', '+1', '@SUM(A1)', '\t=1', '\r=1'];
    const hostile = buildRows(
      leads.map((name, i) => raw({ localPort: 100 + i, owners: [{ pid: 10 + i, processName: name }] })),
      { facts: new Map() },
    );
    expect(rowsToCsv(hostile, ['processName']).split('\r\n').slice(1, -1)).toEqual(leads.map((name) => `"'${name}"`));
  });

  it('formats endpoints and refuses --json with --csv', () => {
    expect(formatEndpoint('::', 8080, null, false)).toBe('[::]:8080');
    expect(formatEndpoint('::', 8080, null, true)).toBe('*:8080');
    expect(rowFormatFrom({ csv: true })).toBe('csv');
    expect(() => rowFormatFrom({ json: true, csv: true })).toThrow(UsageError);
  });

  it('gives the hidden-owner advice only when a printed row is hidden', () => {
    const notes = { unparsedLines: 0, ownersHidden: 'run as root', source: 'ss' };
    const quiet = memoryIo();
    printCollectionNotes(quiet, notes, rows.filter((r) => !r.ownerHidden));
    expect(quiet.stderr()).toBe('');
    const loud = memoryIo();
    printCollectionNotes(loud, notes, rows);
    expect(loud.stderr()).toBe('portscope: note: run as root\n');
  });
});
