import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBootTime, parseCmdline, parsePasswd, parseProcStat, parseStatusUid, startTimeIso } from '../../../src/main/process/linux/parse-proc-files';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/linux/${name}`, import.meta.url), 'utf8');

describe('/proc file parsers', () => {
  it('reads stat after the last `)`: comm with spaces and parentheses, ppid, field 22', () => {
    expect(parseProcStat(fixture('proc-pid-stat.txt'))).toEqual({ comm: 'Web (Content) x', parentPid: 4200, startTicks: 987654 });
    expect(parseProcStat('12 (trunc) S 1')).toBeNull();
    expect(parseProcStat('garbage')).toBeNull();
  });

  it('turns boot time + ticks into a precise ISO start', () => {
    const boot = parseBootTime(fixture('proc-stat.txt'));
    expect(boot).toBe(1763780000);
    expect(startTimeIso(boot!, 987654)).toBe(new Date((1763780000 + 9876.54) * 1000).toISOString());
    expect(parseBootTime('cpu 1 2')).toBeNull();
  });

  it('reads the real uid from status and names from passwd', () => {
    expect(parseStatusUid(fixture('proc-pid-status.txt'))).toBe(33);
    const users = parsePasswd(fixture('passwd.txt'));
    expect(users.get(33)).toBe('www-data');
    expect(users.get(65534)).toBe('nobody');
    expect(users.size).toBe(4);
  });

  it('joins cmdline arguments, quoting ones with spaces, dropping title padding', () => {
    expect(parseCmdline('node\0server.js\0--name\0my app\0')).toBe('node server.js --name "my app"');
    expect(parseCmdline('web, "content" x\0\0\0\0')).toBe('"web, \\"content\\" x"');
    expect(parseCmdline('')).toBeNull();
  });
});
