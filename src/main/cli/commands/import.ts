import { EXIT_NOTHING, type CliCommand } from '../command';

/** STUB — replaced by the area that owns `import`. */
export const importCommand: CliCommand = {
  name: 'import',
  summary: 'not implemented yet',
  help: 'portscope import: not implemented yet',
  options: {},
  run: async ({ io }) => {
    io.err('portscope: import is not implemented yet.\n');
    return EXIT_NOTHING;
  },
};
