import { EXIT_NOTHING, EXIT_OK, UsageError, parsePortArg, type CliCommand } from '../command';
import type { SocketRow } from '../../../shared/types';
import { printCollectionNotes, printRows, rowFormatFrom } from '../print-rows';

export const whoCommand: CliCommand = {
  name: 'who',
  summary: 'who owns a local port (listening or bound)',
  help: `Usage: portscope who <port> [--tcp|--udp] [--json|--csv]

Shows the process(es) listening on or bound to a local port, with the port's meaning.
Both protocols unless --tcp or --udp is given. When nothing listens, connections using the port as
their local port are shown instead.

  --json         one JSON array of rows (see CONTRACT.md); compact when piped or redirected
  --csv          the same rows as CSV

Exit: 0 found, 1 nothing owns the port, 2 bad input (port outside 1-65535).`,
  options: {
    tcp: { type: 'boolean', short: 't' },
    udp: { type: 'boolean', short: 'u' },
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
  },
  async run({ values, positionals, io, service }) {
    if (positionals.length > 1) throw new UsageError(`give one port, not ${positionals.length}`);
    const port = parsePortArg(positionals[0]);
    if (values.tcp && values.udp) throw new UsageError('give --tcp or --udp, not both (neither means both)');
    const protocol = values.tcp ? 'tcp' : values.udp ? 'udp' : undefined;
    const format = rowFormatFrom(values);
    const svc = service();
    const result = await svc.dispatch('who', protocol ? { port, protocol } : { port });
    if (!result.ok) {
      io.err(`portscope: ${result.message}\n`);
      return result.code === 'BAD_INPUT' ? 2 : EXIT_NOTHING;
    }
    const rows = result.value as SocketRow[];
    if (format !== 'table' || rows.length) printRows(io, rows, format);
    // the engine's latest snapshot is the one `who` just read: its notes apply
    const snap = svc.engine.latest();
    if (snap) printCollectionNotes(io, snap, rows);
    if (!rows.length) {
      io.err(`portscope: nothing owns port ${port} (${protocol ?? 'tcp/udp'}).\n`);
      return EXIT_NOTHING;
    }
    return EXIT_OK;
  },
};
