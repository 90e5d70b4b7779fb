/**
 * `portscope <command>`: finds the command, parses its flags strictly (unknown flag = exit 2),
 * and turns UsageError into `portscope: …` + exit 2. Commands live in ./commands, one file each.
 */
import { parseArgs } from 'node:util';
import { EXIT_BAD_INPUT, UsageError, type CliCommand, type CliIo } from './command';
import { createService, type PortScopeService } from '../service/index';
import { listCommand } from './commands/list';
import { whoCommand } from './commands/who';
import { describeCommand } from './commands/describe';
import { importCommand } from './commands/import';
import { killCommand } from './commands/kill';
import { closeCommand } from './commands/close';
import { listenCommand } from './commands/listen';
import { probeCommand } from './commands/probe';
import { webCommand } from './commands/web';

const COMMANDS: CliCommand[] = [
  listCommand,
  whoCommand,
  describeCommand,
  importCommand,
  killCommand,
  closeCommand,
  listenCommand,
  probeCommand,
  webCommand,
];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'PortScope: every TCP/UDP socket and the process that owns it.',
    '',
    'Usage: portscope <command> [options]   (portscope help <command> or portscope <command> --help for details)',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    '--json is indented on a terminal and one compact line when piped or redirected (jq . indents it).',
    'Exit codes: 0 done/found, 1 nothing found or action refused/failed, 2 bad input.',
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'help' && rest.length > 0) {
    // `portscope help <command>`: that command's --help
    const wanted = COMMANDS.find((c) => c.name === rest[0]);
    if (!wanted) {
      io.err(`portscope: no help for "${rest[0]}": it is not a command. Run \`portscope help\` to see the commands.\n`);
      return EXIT_BAD_INPUT;
    }
    io.out(wanted.help.trimEnd() + '\n');
    return 0;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage() + '\n');
    return name === undefined ? EXIT_BAD_INPUT : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`portscope: unknown command "${name}". Run \`portscope --help\` to see the commands.\n`);
    return EXIT_BAD_INPUT;
  }
  let service: PortScopeService | null = null;
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      io.out(command.help.trimEnd() + '\n');
      return 0;
    }
    if (command.keepsServing) io.keepServing();
    return await command.run({
      values,
      positionals,
      io,
      service: () => (service ??= createService({ pollIntervalMs: 0 })),
    });
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      const message = (error as Error).message.replace(/\.$/, ''); // some of Node's parseArgs messages end with one
      io.err(`portscope: ${message}. Run \`portscope ${name} --help\` for usage.\n`);
      return EXIT_BAD_INPUT;
    }
    throw error;
  } finally {
    await (service as PortScopeService | null)?.dispose();
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
