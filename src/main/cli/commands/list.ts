import { EXIT_NOTHING, type CliCommand } from '../command';

/** STUB — replaced by the area that owns `list`. */
export const listCommand: CliCommand = {
  name: 'list',
  summary: 'not implemented yet',
  help: 'portscope list: not implemented yet',
  options: {},
  run: async ({ io }) => {
    io.err('portscope: list is not implemented yet.\n');
    return EXIT_NOTHING;
  },
};
