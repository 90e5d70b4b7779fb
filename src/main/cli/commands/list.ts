import { EXIT_NOTHING, EXIT_OK, UsageError, parsePidArg, parsePortArg, type CliCommand } from '../command';
import type { ListInput } from '../../../shared/api';
import type { Snapshot } from '../../../shared/types';
import { printCollectionNotes, printRows, rowFormatFrom } from '../print-rows';

export const listCommand: CliCommand = {
  name: 'list',
  summary: 'the live socket table: every TCP/UDP socket with its owner',
  help: `Usage: portscope list [--listening] [--tcp] [--udp] [--port N] [--pid N] [--process NAME] [--json|--csv]

The live socket table, one row per socket, with the owning process and the port's meaning.

  --listening       only listeners (TCP LISTEN, UDP sockets without a peer)
  --tcp, --udp      only this protocol (both given: both)
  --port N          sockets whose local or remote port is N (1-65535)
  --pid N           sockets held by process N
  --process NAME    sockets whose owner's name contains NAME (case-insensitive)
  --json            one JSON array of rows (see CONTRACT.md); compact when piped or redirected
  --csv             CSV with a header line

Exit: 0 rows printed, 1 no socket matched, 2 bad input.
Owners of other users' sockets are hidden unless you run as root; such rows say why (ownerHidden).`,
  options: {
    listening: { type: 'boolean', short: 'l' },
    tcp: { type: 'boolean', short: 't' },
    udp: { type: 'boolean', short: 'u' },
    port: { type: 'string', short: 'p' },
    pid: { type: 'string' },
    process: { type: 'string' },
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
  },
  async run({ values, positionals, io, service }) {
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const format = rowFormatFrom(values);
    const input: ListInput = {};
    if (values.listening) input.listening = true;
    if (values.tcp && !values.udp) input.protocol = 'tcp';
    if (values.udp && !values.tcp) input.protocol = 'udp';
    if (values.port !== undefined) input.port = parsePortArg(String(values.port), '--port');
    if (values.pid !== undefined) input.pid = parsePidArg(String(values.pid));
    if (values.process !== undefined) {
      const name = String(values.process);
      if (name === '') throw new UsageError('--process needs a name');
      input.process = name;
    }
    const result = await service().dispatch('list', input);
    if (!result.ok) {
      io.err(`portscope: ${result.message}\n`);
      return result.code === 'BAD_INPUT' ? 2 : EXIT_NOTHING;
    }
    const snap = result.value as Snapshot;
    printRows(io, snap.rows, format);
    printCollectionNotes(io, snap, snap.rows);
    return snap.rows.length ? EXIT_OK : EXIT_NOTHING;
  },
};
