import { EXIT_NOTHING, type CliCommand } from '../command';

/** STUB — replaced by the area that owns `close`. */
export const closeCommand: CliCommand = {
  name: 'close',
  summary: 'not implemented yet',
  help: 'portscope close: not implemented yet',
  options: {},
  run: async ({ io }) => {
    io.err('portscope: close is not implemented yet.\n');
    return EXIT_NOTHING;
  },
};
