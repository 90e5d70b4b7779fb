import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/index';
import { readsLiveTableFirst } from '../../../src/main/cli/live-table';
import { memoryIo } from '../../helpers/cli-io';

describe('commands that read the live table first (the entry starts the fd walk for them)', () => {
  const readers = ['list', 'who', 'kill', 'close'];

  it('are list, who, kill and close, whatever their flags', () => {
    for (const name of readers) expect(readsLiveTableFirst([name, '--json']), name).toBe(true);
    expect(readsLiveTableFirst(['kill', '--port', '8080', '--yes'])).toBe(true);
  });

  it('are not the commands that never read it, nor a command asked for its help, nor no command', () => {
    for (const name of ['describe', 'import', 'listen', 'probe', 'web', 'help', 'nosuch']) expect(readsLiveTableFirst([name]), name).toBe(false);
    expect(readsLiveTableFirst(['list', '--help'])).toBe(false);
    expect(readsLiveTableFirst(['who', '-h'])).toBe(false);
    expect(readsLiveTableFirst([])).toBe(false);
  });

  it('are real commands (a renamed command would lose its head start)', async () => {
    for (const name of readers) expect(await runCli(['help', name], memoryIo()), name).toBe(0);
  });
});
