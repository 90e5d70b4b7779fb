import { EXIT_NOTHING, type CliCommand } from '../command';

/** STUB — replaced by the area that owns `who`. */
export const whoCommand: CliCommand = {
  name: 'who',
  summary: 'not implemented yet',
  help: 'portscope who: not implemented yet',
  options: {},
  run: async ({ io }) => {
    io.err('portscope: who is not implemented yet.\n');
    return EXIT_NOTHING;
  },
};
