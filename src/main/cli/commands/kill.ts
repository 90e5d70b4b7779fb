import { createInterface } from 'node:readline/promises';
import { EXIT_BAD_INPUT, EXIT_NOTHING, EXIT_OK, UsageError, parsePidArg, parsePortArg, printJson, type CliCommand, type CliIo, type ParsedValues } from '../command';
import type { KillOutcome, KillPlanEntry, KillRequest, KillTarget } from '../../../shared/actions';
import type { Result } from '../../../shared/result';
import { printable } from '../../../shared/printable';

/** Ask y/N on a terminal; false (and say so) when stdin is not a terminal: scripts must pass --yes. */
export async function confirmOnTerminal(io: CliIo, question: string, action: string): Promise<boolean> {
  if (!process.stdin.isTTY) {
    io.err(`portscope: not ${action} without confirmation (stdin is not a terminal): re-run with --yes to do it.\n`);
    return false;
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

/** Print a Result error as `portscope: …` and pick the exit code (bad input 2, anything else 1). */
export function reportError(io: CliIo, result: Extract<Result<unknown>, { ok: false }>): number {
  io.err(`portscope: ${result.message}\n`);
  return result.code === 'BAD_INPUT' ? EXIT_BAD_INPUT : EXIT_NOTHING;
}

function parseGrace(value: ParsedValues[string]): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (!/^\d+$/.test(text) || Number(text) > 600_000) throw new UsageError(`--grace "${text}" is not valid: give milliseconds from 0 to 600000`);
  return Number(text);
}

function entryLines(t: KillPlanEntry, tree: boolean): string[] {
  const head = [`${t.name ?? '?'}`, `pid ${t.pid}`, t.user ? `user ${t.user}` : '', t.started ? `started ${t.started}` : ''].filter(Boolean).join('  ');
  const lines = [`  ${t.role === 'child' ? '└ child ' : ''}${head}`];
  if (t.path) lines.push(`      path: ${t.path}`);
  if (t.command) lines.push(`      command: ${t.command.length > 160 ? `${t.command.slice(0, 157)}…` : t.command}`);
  if (t.ports.length) lines.push(`      sockets: ${t.ports.join(', ')}`);
  if (t.services.length) lines.push(`      services: ${t.services.join(', ')}`);
  if (t.role !== 'child' && t.children.length) lines.push(`      children: ${t.children.join(', ')}${tree ? '' : ' (keep running; --tree ends them too)'}`);
  if (t.supervisor) lines.push(`      supervised by ${t.supervisor.name}${t.supervisor.stopCommand ? ` — \`${t.supervisor.stopCommand.join(' ')}\` stops it for good` : ''}`);
  if (t.protectedReason) lines.push(`      PROTECTED: ${t.protectedReason}`);
  return lines;
}

function formatKillPlan(outcome: KillOutcome, tree: boolean): string {
  const lines = [outcome.result === 'planned' ? 'Would end:' : 'Processes:'];
  for (const t of outcome.targets) lines.push(...entryLines(t, tree));
  lines.push(outcome.message);
  return printable(lines.join('\n') + '\n');
}

const EXIT_BY_RESULT: Record<KillOutcome['result'], number> = {
  ended: EXIT_OK,
  planned: EXIT_OK,
  // The process ended but came back: the port is still held, which is what the user wanted gone.
  restarted: EXIT_NOTHING,
  'still-running': EXIT_NOTHING,
  'permission-denied': EXIT_NOTHING,
  'refused-protected': EXIT_NOTHING,
  'refused-stale': EXIT_NOTHING,
  'not-found': EXIT_NOTHING,
};

export const killCommand: CliCommand = {
  name: 'kill',
  summary: 'end the owner of a port or a pid, safely (graceful first, guards, restart check)',
  help: `Usage: portscope kill (--pid N | --port N) [--force] [--tree] [--grace MS] [--yes] [--json] [--elevate]

Ends a process — by pid, or every process that listens on / is bound to a port — safely:
  * shows what will end (name, pid, path, its sockets, its children) and asks first;
  * SIGTERM first (Windows: a close request), SIGKILL (taskkill /F) only after the grace time;
  * refuses protected processes: pid 0/1/4, init/systemd, launchd, Windows' critical processes,
    PortScope itself and its parents (your shell);
  * refuses when the pid now belongs to a different process than the one planned (pid reuse);
  * after the end, watches the port for a few seconds and says who restarted it (systemd unit,
    Docker container, Windows service), with the command that stops it for good.

  --pid N       the process id to end
  --port N      end the owner(s) of this local port (listening TCP or bound UDP; exact port match)
  --force       skip the graceful step: SIGKILL / taskkill /F at once
  --tree        also end the process's children (and theirs)
  --grace MS    milliseconds to wait after the graceful signal before forcing (default 5000)
  --yes         do not ask; needed when stdin is not a terminal
  --json        print the outcome as JSON ({result, message, targets, …})
  --elevate     when rights are missing, ask for them for this one kill (pkexec / UAC / macOS prompt)

Exit codes: 0 ended, 1 refused / not found / still running / permission denied / restarted, 2 bad input.
`,
  options: {
    pid: { type: 'string' },
    port: { type: 'string' },
    force: { type: 'boolean' },
    tree: { type: 'boolean' },
    grace: { type: 'string' },
    yes: { type: 'boolean', short: 'y' },
    json: { type: 'boolean' },
    elevate: { type: 'boolean' },
  },
  async run({ values, positionals, io, service }) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}": use --pid N or --port N`);
    if ((values.pid === undefined) === (values.port === undefined)) throw new UsageError('give exactly one of --pid N or --port N');
    const request: KillRequest = {
      ...(values.pid !== undefined ? { pid: parsePidArg(String(values.pid)) } : { port: parsePortArg(String(values.port)) }),
      force: Boolean(values.force),
      tree: Boolean(values.tree),
      confirm: false,
    };
    // Only sent when asked: the schema of older services does not know the field.
    if (values.elevate) request.elevate = true;
    const grace = parseGrace(values.grace);
    if (grace !== undefined) request.graceMs = grace;
    const print = (outcome: KillOutcome): void => {
      if (values.json) printJson(io, outcome);
      else if (outcome.result === 'ended' || outcome.result === 'planned') io.out(printable(`${outcome.message}\n`));
      else io.err(`portscope: ${outcome.message}\n`);
    };

    const planned = (await service().dispatch('kill', request)) as Result<KillOutcome>;
    if (!planned.ok) return reportError(io, planned);
    if (planned.value.result !== 'planned') {
      if (!values.json && planned.value.targets.length) io.out(formatKillPlan(planned.value, Boolean(values.tree)).replace(/[^\n]*\n$/, ''));
      print(planned.value);
      return EXIT_BY_RESULT[planned.value.result];
    }
    if (!values.yes) {
      if (values.json) printJson(io, planned.value);
      else io.out(formatKillPlan(planned.value, Boolean(values.tree)));
      if (!(await confirmOnTerminal(io, 'End it?', 'ending anything'))) {
        if (process.stdin.isTTY) io.err('portscope: nothing was ended.\n');
        return EXIT_NOTHING;
      }
    }
    // Act on exactly the processes the user was shown, each pinned by pid and start fingerprint (pid reuse
    // guard): a new owner of the port since the confirmation is not ended, a reused pid is refused.
    const roots = planned.value.targets.filter((t) => t.role !== 'child');
    const targets: KillTarget[] = roots.map((t) => ({ pid: t.pid, startKey: t.startKey }));
    const done = (await service().dispatch('kill', { ...request, targets, confirm: true })) as Result<KillOutcome>;
    if (!done.ok) return reportError(io, done);
    print(done.value);
    return EXIT_BY_RESULT[done.value.result];
  },
};
