import { EXIT_NOTHING, type CliCommand } from '../command';

/** STUB — replaced by the area that owns `kill`. */
export const killCommand: CliCommand = {
  name: 'kill',
  summary: 'not implemented yet',
  help: 'portscope kill: not implemented yet',
  options: {},
  run: async ({ io }) => {
    io.err('portscope: kill is not implemented yet.\n');
    return EXIT_NOTHING;
  },
};
