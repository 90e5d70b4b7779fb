import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/index';
import { memoryIo } from '../../helpers/cli-io';

describe('portscope CLI frame', () => {
  it('lists the commands for --help and exits 0', async () => {
    const io = memoryIo();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(io.stdout()).toContain('who');
  });

  it('prints a command\'s help for `help <command>` and exits 0', async () => {
    const io = memoryIo();
    expect(await runCli(['help', 'import'], io)).toBe(0);
    expect(io.stdout()).toMatch(/^Usage: portscope import /);
    expect(io.stderr()).toBe('');
  });

  it('exits 2 for `help <unknown>` with a clear message', async () => {
    const io = memoryIo();
    expect(await runCli(['help', 'nosuch'], io)).toBe(2);
    expect(io.stdout()).toBe('');
    expect(io.stderr()).toMatch(/^portscope: no help for "nosuch": it is not a command\. Run `portscope help`/);
  });

  it('rejects an unknown command with exit 2 and a portscope: message', async () => {
    const io = memoryIo();
    expect(await runCli(['frobnicate'], io)).toBe(2);
    expect(io.stderr()).toMatch(/^portscope: unknown command "frobnicate"/);
  });

  it('rejects an unknown flag with exit 2', async () => {
    const io = memoryIo();
    expect(await runCli(['list', '--bogus'], io)).toBe(2);
    expect(io.stderr()).toMatch(/^portscope: .*--bogus/);
  });

  it("ends a parser message that has its own full stop with one full stop, then the help hint", async () => {
    const io = memoryIo();
    expect(await runCli(['web', '--port', '-1'], io)).toBe(2); // Node's parseArgs: "... use '--port=-XYZ'."
    expect(io.stderr()).toMatch(/--port/);
    expect(io.stderr()).not.toMatch(/\.\./);
    expect(io.stderr()).toMatch(/[^.]\. Run `portscope web --help` for usage\.\n$/);
  });

  it('switches the output to queued streams before a command that serves until stopped runs, and only then', async () => {
    const asked: string[] = [];
    for (const args of [['web', '--port', 'x'], ['listen', 'x'], ['describe', '80'], ['web', '--help']]) {
      const io = memoryIo();
      let calls = 0;
      io.keepServing = () => void calls++;
      await runCli(args, io); // the bad ports end each serving command with exit 2, inside its run
      if (calls > 0) asked.push(args[0]!);
      expect(calls).toBeLessThanOrEqual(1);
    }
    expect(asked).toEqual(['web', 'listen']);
  });
});
