import { describe, expect, it } from 'vitest';
import { commandLine, createPowerShellSession } from '../../../../src/main/collectors/windows/powershell-session';
import { startPersistentProcess, type PersistentProcess } from '../../../../src/main/lib/exec';

/**
 * An in-memory stand-in for powershell.exe (which cannot run here): it decodes each command line the
 * session sends and answers like PowerShell would, per a reply function.
 */
function fakePowerShell(reply: (script: string) => { out: string; fail?: boolean } | 'hang' | 'die'): {
  start: () => Promise<PersistentProcess>;
  killed: () => number;
} {
  let killed = 0;
  const start = async (): Promise<PersistentProcess> => {
    let stdout: ((chunk: Buffer) => void) | null = null;
    let exit: ((code: number | null, error: Error | null) => void) | null = null;
    let alive = true;
    const child: PersistentProcess = {
      pid: 1234,
      write(text) {
        if (!alive) return false;
        const match = /FromBase64String\('([^']+)'\).*?'(__PORTSCOPE_[^ ]+) OK'/.exec(text);
        if (!match) return true; // the init line
        const answer = reply(Buffer.from(match[1], 'base64').toString('utf16le'));
        if (answer === 'hang') return true;
        if (answer === 'die') {
          alive = false;
          setImmediate(() => exit?.(1, null));
          return true;
        }
        const body = `${answer.out}\r\n${match[2]} ${answer.fail ? 'ERR' : 'OK'}\r\n`;
        // deliver in two chunks, split inside the marker, as a pipe may
        const cut = body.length - 8;
        setImmediate(() => stdout?.(Buffer.from(body.slice(0, cut))));
        setImmediate(() => stdout?.(Buffer.from(body.slice(cut))));
        return true;
      },
      onStdout: (listener) => void (stdout = listener),
      onStderr: () => undefined,
      onExit: (listener) => void (exit = listener),
      kill() {
        killed++;
        alive = false;
        setImmediate(() => exit?.(null, null));
      },
    };
    return child;
  };
  return { start, killed: () => killed };
}

describe('PowerShell session', () => {
  it('runs many commands through one process, in order, with their own output', async () => {
    const fake = fakePowerShell((script) => ({ out: `echo:${script}` }));
    const session = createPowerShellSession(fake.start);
    const answers = await Promise.all([session.run('a'), session.run('b'), session.run('Get-Date | Out-Null; "ü"')]);
    expect(answers).toEqual([
      { ok: true, value: 'echo:a' },
      { ok: true, value: 'echo:b' },
      { ok: true, value: 'echo:Get-Date | Out-Null; "ü"' },
    ]);
    for (let i = 0; i < 5; i++) await session.run('poll');
    expect(session.starts()).toBe(1);
  });

  it('turns a PowerShell exception into an error result', async () => {
    const session = createPowerShellSession(fakePowerShell(() => ({ out: 'Access is denied.', fail: true })).start);
    expect(await session.run('x')).toEqual({ ok: false, code: 'FAILED', message: 'PowerShell: Access is denied.' });
  });

  it('kills a hanging PowerShell on timeout and starts a new one for the next command', async () => {
    let calls = 0;
    const fake = fakePowerShell(() => (++calls === 1 ? 'hang' : { out: 'fine' }));
    const session = createPowerShellSession(fake.start, 50);
    expect((await session.run('slow')).ok).toBe(false);
    expect(fake.killed()).toBe(1);
    expect(await session.run('fast')).toEqual({ ok: true, value: 'fine' });
    expect(session.starts()).toBe(2);
  });

  it('reports a PowerShell that dies mid-command, and restarts', async () => {
    let calls = 0;
    const session = createPowerShellSession(fakePowerShell(() => (++calls === 1 ? 'die' : { out: 'back' })).start);
    const first = await session.run('crash');
    expect(first.ok || first.message).toMatch(/PowerShell ended/);
    expect(await session.run('again')).toEqual({ ok: true, value: 'back' });
  });

  it('says so when PowerShell is not installed', async () => {
    const session = createPowerShellSession(async () => null);
    expect(await session.run('x')).toMatchObject({ ok: false, code: 'UNSUPPORTED' });
  });

  it('sends one line per command, the script base64-encoded as UTF-16LE', () => {
    const line = commandLine('Write-Output "a\'b"\nline2', '__M__');
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    const encoded = /FromBase64String\('([^']+)'\)/.exec(line)![1];
    expect(Buffer.from(encoded, 'base64').toString('utf16le')).toBe('Write-Output "a\'b"\nline2');
  });
});

describe('startPersistentProcess', () => {
  it('talks to a long-lived child over stdin/stdout and reports its exit', async () => {
    const child = startPersistentProcess('/bin/cat', []);
    const echoed = new Promise<string>((resolve) => child.onStdout((chunk) => resolve(chunk.toString())));
    expect(child.write('hello\n')).toBe(true);
    expect(await echoed).toBe('hello\n');
    const exited = new Promise<number | null>((resolve) => child.onExit((code) => resolve(code)));
    child.kill();
    await exited;
    expect(child.write('late\n')).toBe(false);
  });

  it('reports a program that cannot start through onExit, without throwing', async () => {
    const child = startPersistentProcess('/nonexistent/powershell', []);
    const error = await new Promise<Error | null>((resolve) => child.onExit((_code, e) => resolve(e)));
    expect(error?.message).toMatch(/ENOENT/);
  });
});
