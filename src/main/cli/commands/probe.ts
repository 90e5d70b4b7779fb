import { EXIT_BAD_INPUT, EXIT_NOTHING, EXIT_OK, UsageError, parsePortArg, type CliCommand } from '../command';
import type { ProbeOutcome } from '../../../shared/listener';
import type { Result } from '../../../shared/result';

/** `host:port`, `[v6]:port`; a bare IPv6 with a port is ambiguous, so brackets are required. */
export function parseHostPort(text: string | undefined): { host: string; port: number } {
  if (!text) throw new UsageError('missing <host>:<port>, e.g. 127.0.0.1:8080 or [::1]:8080');
  const bracketed = /^\[([^\]]+)\]:(\d*)$/.exec(text);
  if (bracketed) return { host: bracketed[1] ?? '', port: parsePortArg(bracketed[2]) };
  if (text.startsWith('[')) throw new UsageError(`"${text}" is not [<IPv6 address>]:<port>: give the port after the bracket, e.g. [::1]:8080`);
  const colons = text.split(':').length - 1;
  if (colons > 1) throw new UsageError(`"${text}": put an IPv6 address in brackets, e.g. [::1]:8080`);
  const plain = /^([^:\s]+):(.*)$/.exec(text);
  if (!plain) throw new UsageError(`"${text}" is not <host>:<port>, e.g. 127.0.0.1:8080 or [::1]:8080`);
  return { host: plain[1] ?? '', port: parsePortArg(plain[2]) };
}

function parseTimeoutMs(value: string | boolean | (string | boolean)[] | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 120_000) {
    throw new UsageError(`--timeout "${text}" is not valid: give milliseconds from 1 to 120000`);
  }
  return Number(text);
}

export const probeCommand: CliCommand = {
  name: 'probe',
  summary: 'try to reach host:port from here; exit 0 open, 1 closed/filtered',
  help: `Usage: portscope probe <host>:<port> [--udp] [--timeout MS]

Tries to reach a port from this machine and prints the verdict and the time taken.
  TCP: open (connection accepted), refused (nothing listens), filtered (no answer in time).
  UDP: sends one datagram; open (an answer came), refused (ICMP port unreachable),
       open|filtered (no answer: a silent service or a firewall).

  <host>:<port>   127.0.0.1:8080, example.com:443, [::1]:8080 (IPv6 in brackets)
  --udp           probe UDP instead of TCP
  --timeout MS    how long to wait for an answer (default 3000)

Exit codes: 0 open, 1 closed/filtered/unreachable, 2 bad input.
`,
  options: { udp: { type: 'boolean' }, timeout: { type: 'string' } },
  async run({ values, positionals, io, service }) {
    if (positionals.length !== 1) throw new UsageError('give exactly one <host>:<port>, e.g. 127.0.0.1:8080');
    const { host, port } = parseHostPort(positionals[0]);
    const timeoutMs = parseTimeoutMs(values.timeout);
    const result = (await service().dispatch('probe', {
      host,
      port,
      protocol: values.udp ? 'udp' : 'tcp',
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    })) as Result<ProbeOutcome>;
    if (!result.ok) {
      io.err(`portscope: ${result.message}\n`);
      return result.code === 'BAD_INPUT' ? EXIT_BAD_INPUT : EXIT_NOTHING;
    }
    const outcome = result.value;
    if (outcome.verdict === 'error') {
      io.err(`portscope: probe failed: ${outcome.message}\n`);
      return EXIT_NOTHING;
    }
    io.out(`${outcome.verdict}: ${outcome.message} (${outcome.elapsedMs} ms)\n`);
    return outcome.verdict === 'open' ? EXIT_OK : EXIT_NOTHING;
  },
};
