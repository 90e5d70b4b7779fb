import { EXIT_NOTHING, EXIT_OK, UsageError, printJson, type CliCommand } from '../command';
import type { CloseOutcome, CloseRequest } from '../../../shared/actions';
import type { Result } from '../../../shared/result';
import { parseHostPort } from './probe';
import { confirmOnTerminal, reportError } from './kill';
import { printable } from '../../../shared/printable';

export const closeCommand: CliCommand = {
  name: 'close',
  summary: 'close one TCP connection where the OS allows it (Linux ss -K, Windows SetTcpEntry)',
  help: `Usage: portscope close <localAddr:port> <remoteAddr:port> [--yes] [--json] [--elevate]

Closes one TCP connection, identified by its exact four-tuple as \`portscope list\` shows it
(local side first), then re-lists to verify it is gone: both ends see the connection reset.
  Linux    ss -K with the exact four-tuple (needs root; the kernel needs CONFIG_INET_DIAG_DESTROY)
  Windows  SetTcpEntry (DELETE_TCB) through an elevated PowerShell helper; IPv4 only — Windows has
           no API to close an IPv6 connection (end the owning process instead)
  macOS    not possible: macOS has no API to close another process's connection

  <localAddr:port>   e.g. 127.0.0.1:39090 or [::1]:39090 (IPv6 in brackets)
  <remoteAddr:port>  e.g. 127.0.0.1:8080
  --yes              do not ask; needed when stdin is not a terminal
  --json             print the outcome as JSON ({result, message, connection, method})
  --elevate          when rights are missing, ask for them for this one close (pkexec / UAC)

Exit codes: 0 closed, 1 not found / still open / refused / unsupported, 2 bad input.
`,
  options: { yes: { type: 'boolean', short: 'y' }, json: { type: 'boolean' }, elevate: { type: 'boolean' } },
  async run({ values, positionals, io, service }) {
    if (positionals.length !== 2) throw new UsageError('give the local and the remote end: portscope close 127.0.0.1:39090 127.0.0.1:8080');
    const local = parseHostPort(positionals[0]);
    const remote = parseHostPort(positionals[1]);
    const request: CloseRequest = {
      localAddress: local.host,
      localPort: local.port,
      remoteAddress: remote.host,
      remotePort: remote.port,
      confirm: false,
    };
    if (values.elevate) request.elevate = true;
    const print = (outcome: CloseOutcome): void => {
      if (values.json) printJson(io, outcome);
      else if (outcome.result === 'closed' || outcome.result === 'planned') io.out(printable(`${outcome.message}\n`));
      else io.err(`portscope: ${outcome.message}\n`);
    };
    const planned = (await service().dispatch('close', request)) as Result<CloseOutcome>;
    if (!planned.ok) return reportError(io, planned);
    if (planned.value.result !== 'planned') {
      print(planned.value);
      return EXIT_NOTHING;
    }
    if (!values.yes) {
      print(planned.value);
      if (!(await confirmOnTerminal(io, 'Close it?', 'closing anything'))) {
        if (process.stdin.isTTY) io.err('portscope: nothing was closed.\n');
        return EXIT_NOTHING;
      }
    }
    const done = (await service().dispatch('close', { ...request, confirm: true })) as Result<CloseOutcome>;
    if (!done.ok) return reportError(io, done);
    print(done.value);
    return done.value.result === 'closed' ? EXIT_OK : EXIT_NOTHING;
  },
};
