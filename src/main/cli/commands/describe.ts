import { EXIT_NOTHING, type CliCommand } from '../command';

/** STUB — replaced by the area that owns `describe`. */
export const describeCommand: CliCommand = {
  name: 'describe',
  summary: 'not implemented yet',
  help: 'portscope describe: not implemented yet',
  options: {},
  run: async ({ io }) => {
    io.err('portscope: describe is not implemented yet.\n');
    return EXIT_NOTHING;
  },
};
