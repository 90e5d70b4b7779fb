import { describe, expect, it } from 'vitest';
import { runFile, toolDirs } from '../../../src/main/lib/exec';

describe('runFile', () => {
  it('reports output beyond maxBuffer as truncated, not as a timeout', async () => {
    const out = await runFile(process.execPath, ['-e', 'process.stdout.write("x".repeat(200000))'], { maxBuffer: 1000 });
    expect(out.truncated).toBe(true);
    expect(out.timedOut).toBe(false);
    expect(out.stdout.length).toBeLessThanOrEqual(1000);
  });

  it('reports a timeout as timedOut, not truncated', async () => {
    const out = await runFile(process.execPath, ['-e', 'setTimeout(() => {}, 20000)'], { timeoutMs: 300 });
    expect(out.timedOut).toBe(true);
    expect(out.truncated).toBe(false);
  });

  it('reports a normal run as neither', async () => {
    const out = await runFile(process.execPath, ['-e', 'process.stdout.write("ok")']);
    expect(out).toMatchObject({ exitCode: 0, timedOut: false, truncated: false });
    expect(out.stdout.toString()).toBe('ok');
  });
});

describe('toolDirs', () => {
  it('looks for powershell.exe in %SystemRoot%\\System32\\WindowsPowerShell\\v1.0 first (absolute)', () => {
    expect(toolDirs('powershell', 'win32', { SystemRoot: 'D:\\WINDOWS' })).toEqual(['D:\\WINDOWS\\System32\\WindowsPowerShell\\v1.0', 'D:\\WINDOWS\\System32']);
    expect(toolDirs('netstat', 'win32', { SystemRoot: 'D:\\WINDOWS' })).toEqual(['D:\\WINDOWS\\System32']);
  });

  it('falls back to C:\\Windows when SystemRoot is unset or not absolute', () => {
    expect(toolDirs('powershell', 'win32', {})[0]).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0');
    expect(toolDirs('powershell', 'win32', { SystemRoot: 'Windows' })[0]).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0');
  });

  it('keeps the Unix directories', () => {
    expect(toolDirs('ss', 'linux')).toEqual(['/usr/bin', '/usr/sbin', '/bin', '/sbin']);
    expect(toolDirs('netstat', 'darwin')[0]).toBe('/usr/sbin');
  });
});
