import { EXIT_NOTHING, type CliCommand } from '../command';

/** STUB — replaced by the area that owns `probe`. */
export const probeCommand: CliCommand = {
  name: 'probe',
  summary: 'not implemented yet',
  help: 'portscope probe: not implemented yet',
  options: {},
  run: async ({ io }) => {
    io.err('portscope: probe is not implemented yet.\n');
    return EXIT_NOTHING;
  },
};
