/** The elevated helper re-checks the start time itself, with the values as argv (never spliced into a shell string). */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  HELPER_EXIT,
  LINUX_CHECKED_SIGNAL_SCRIPT,
  TASKKILL_NOT_FOUND,
  elevatedSignalArgv,
  windowsCheckedSignalScript,
  windowsStartMs,
} from '../../../src/main/actions/elevated-signal';
import { elevatedCommand } from '../../../src/main/actions/elevation';
import { parseProcStat } from '../../../src/main/process/linux/parse-proc-files';
import { killStarted } from '../../integration/actions/test-processes';

describe('elevated signal argv', () => {
  it('Linux: pkexec runs a constant /bin/sh script; pid, start time and signal are separate argv entries', () => {
    const argv = elevatedSignalArgv('linux', 4242, 'graceful', '987654');
    expect(argv).toEqual({ file: '/bin/sh', args: ['-c', LINUX_CHECKED_SIGNAL_SCRIPT, 'portscope-signal', '4242', '987654', 'TERM'] });
    expect(elevatedSignalArgv('linux', 4242, 'force', '987654').args.at(-1)).toBe('KILL');
    expect(elevatedCommand('linux', argv.file, argv.args)).toEqual({ tool: 'pkexec', args: ['/bin/sh', ...argv.args] });
    // The script itself holds no value: the same text for every pid.
    expect(LINUX_CHECKED_SIGNAL_SCRIPT).not.toContain('4242');
    expect(LINUX_CHECKED_SIGNAL_SCRIPT).toContain('/proc/$pid/stat');
  });

  it("the helpers' exit codes cannot be mistaken for pkexec's (126/127) or taskkill's not-found", () => {
    expect(TASKKILL_NOT_FOUND).toBe(128);
    for (const code of Object.values(HELPER_EXIT)) expect([0, 126, 127, TASKKILL_NOT_FOUND]).not.toContain(code);
  });

  it('Linux: a start key that is not a number is never passed on', () => {
    expect(() => elevatedSignalArgv('linux', 1, 'graceful', '1; rm -rf /')).toThrow(/not a decimal integer/);
  });

  it('Linux without a fingerprint and macOS: the plain kill', () => {
    expect(elevatedSignalArgv('linux', 7, 'force', null)).toEqual({ file: '/bin/kill', args: ['-KILL', '7'] });
    expect(elevatedSignalArgv('darwin', 7, 'graceful', 'x')).toEqual({ file: '/bin/kill', args: ['-TERM', '7'] });
  });

  it('Windows: an encoded PowerShell helper compares CreationDate (epoch ms) before taskkill', () => {
    const key = '2023-02-24T08:37:09.985Z';
    const ms = windowsStartMs(key) as number;
    expect(ms).toBe(Date.UTC(2023, 1, 24, 8, 37, 9, 985));
    const argv = elevatedSignalArgv('win32', 1234, 'force', key);
    expect(argv.file).toBe('powershell.exe');
    expect(argv.args.slice(-2, -1)).toEqual(['-EncodedCommand']);
    const script = Buffer.from(argv.args.at(-1) as string, 'base64').toString('utf16le');
    expect(script).toBe(windowsCheckedSignalScript(1234, 'force', ms));
    expect(script).toContain("-Filter 'ProcessId = 1234'");
    expect(script).toContain(`[Math]::Abs($ms - ${ms}) -gt 1) { exit ${HELPER_EXIT.stale} }`);
    expect(script).toContain("System32\\taskkill.exe') /F /PID 1234");
    expect(windowsCheckedSignalScript(1234, 'graceful', ms)).toContain("taskkill.exe') /PID 1234");
    // UAC runs powershell.exe with that argv; base64 needs no quoting.
    const wrapped = elevatedCommand('win32', argv.file, argv.args);
    expect(wrapped.args.at(-1)).toMatch(/^\$p = Start-Process -FilePath 'powershell\.exe' -ArgumentList .*'-EncodedCommand','[A-Za-z0-9+/=]+' -Verb RunAs/);
    expect(() => elevatedSignalArgv('win32', 1, 'force', 'not a date')).toThrow(/cannot re-check/);
    expect(elevatedSignalArgv('win32', 9, 'graceful', null)).toEqual({ file: 'taskkill.exe', args: ['/PID', '9'] });
  });
});

const isLinux = process.platform === 'linux';
const started: number[] = [];
afterAll(() => killStarted(started));

/** Field 22 of /proc/<pid>/stat, by the product's parser (it counts fields after the last ')'). */
const startTicks = (pid: number): string => String(parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'))!.startTicks);

if (!isLinux) console.warn('elevated-signal: the checking-script test needs Linux (/bin/sh and /proc)');
describe.skipIf(!isLinux)('the Linux checking script (run with /bin/sh, without pkexec)', () => {
  it('signals only when the start time still matches; a command name with spaces and parentheses is parsed right', async () => {
    // A process whose comm is "we) i (rd": the script must split after the last ')'.
    const dir = mkdtempSync(path.join(tmpdir(), 'ps-comm-'));
    const weird = path.join(dir, 'we) i (rd');
    symlinkSync(process.execPath, weird);
    const child = spawn(weird, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const pid = child.pid as number;
    started.push(pid);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(readFileSync(`/proc/${pid}/stat`, 'utf8')).toContain('(we) i (rd)');
    const key = startTicks(pid);
    const run = (k: string): number | null => {
      const { file, args } = elevatedSignalArgv('linux', pid, 'graceful', k);
      return spawnSync(file, args).status;
    };
    expect(run(String(Number(key) + 1))).toBe(HELPER_EXIT.stale);
    expect(() => process.kill(pid, 0)).not.toThrow();
    expect(run(key)).toBe(0);
    expect(await exited).toBe('SIGTERM');
    expect(run(key)).toBe(HELPER_EXIT.gone);
  });
});
