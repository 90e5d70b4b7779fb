import { EXIT_NOTHING, type CliCommand } from '../command';

/** STUB — replaced by the area that owns `listen`. */
export const listenCommand: CliCommand = {
  name: 'listen',
  summary: 'not implemented yet',
  help: 'portscope listen: not implemented yet',
  options: {},
  run: async ({ io }) => {
    io.err('portscope: listen is not implemented yet.\n');
    return EXIT_NOTHING;
  },
};
