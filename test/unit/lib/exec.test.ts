import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFile, streamFile, toolDirs } from '../../../src/main/lib/exec';

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

describe('streamFile', () => {
  /** A Node child that runs `code`. */
  const node = (code: string, onStdout: (chunk: Buffer) => void, options?: { timeoutMs?: number }) =>
    streamFile(process.execPath, ['-e', code], onStdout, options);

  it('hands stdout over while the program still runs, and keeps stderr and the exit code', async () => {
    // The program writes its second line only after we have seen its first (we create a file it waits for).
    const go = path.join(mkdtempSync(path.join(tmpdir(), 'ps-stream-')), 'go');
    const code = `const fs = require('node:fs'); process.stdout.write('one\\n');
      const wait = setInterval(() => { if (fs.existsSync(${JSON.stringify(go)})) { clearInterval(wait); process.stdout.write('two\\n'); process.stderr.write('warn'); process.exitCode = 3; } }, 10);`;
    const chunks: string[] = [];
    try {
      const run = await node(code, (chunk) => {
        chunks.push(chunk.toString());
        if (!existsSync(go)) writeFileSync(go, '');
      }, { timeoutMs: 4000 });
      expect(run).toMatchObject({ exitCode: 3, timedOut: false }); // timedOut: the first line never came before the end
      expect(chunks.join('')).toBe('one\ntwo\n');
      expect(run.stderr.toString()).toBe('warn');
    } finally {
      rmSync(path.dirname(go), { recursive: true, force: true });
    }
  });

  it('stops a program that runs too long and says so', async () => {
    const run = await node('setTimeout(() => {}, 20000)', () => undefined, { timeoutMs: 300 });
    expect(run).toMatchObject({ timedOut: true, exitCode: null });
  });

  it('rejects when the reader throws, and stops the program', async () => {
    // it would run for 120 s: the test's own time limit (30 s) fails unless the program is stopped
    const run = node('process.stdout.write("x"); setTimeout(() => {}, 120000)', () => {
      throw new Error('bad chunk');
    });
    await expect(run).rejects.toThrow('bad chunk');
  });

  it('stops waiting at the timeout even when a program it started holds the output open', async () => {
    // The program starts a grandchild that shares its stdout and sleeps 120 s, tells us its pid, and exits.
    const code = `const { spawn } = require('node:child_process');
      const g = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)'], { stdio: ['ignore', 'inherit', 'ignore'] });
      process.stderr.write(String(g.pid)); g.unref();`;
    const run = await node(code, () => undefined, { timeoutMs: 500 });
    const grandchild = Number(run.stderr.toString());
    try {
      expect(run.timedOut).toBe(true); // resolved at the timeout, not when the grandchild ends (the test would time out)
    } finally {
      if (grandchild > 0) process.kill(grandchild);
    }
  });

  it('rejects when the program cannot be started', async () => {
    await expect(streamFile('/nonexistent/portscope-no-such-tool', [], () => undefined)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('keeps at most the first 64 KiB of stderr', async () => {
    const run = await node('process.stderr.write("e".repeat(200000))', () => undefined);
    expect(run.stderr.length).toBe(64 * 1024);
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
