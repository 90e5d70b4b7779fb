import { EXIT_NOTHING, type CliCommand } from '../command';

/** STUB — replaced by the area that owns `web`. */
export const webCommand: CliCommand = {
  name: 'web',
  summary: 'not implemented yet',
  help: 'portscope web: not implemented yet',
  options: {},
  run: async ({ io }) => {
    io.err('portscope: web is not implemented yet.\n');
    return EXIT_NOTHING;
  },
};
