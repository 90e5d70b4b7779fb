import net from 'node:net';
import { EXIT_BAD_INPUT, EXIT_NOTHING, EXIT_OK, UsageError, parsePortArg, type CliCommand, type CliIo } from '../command';
import type { BindFailureResult, PushEvent } from '../../../shared/api';
import { DEFAULT_LISTEN_TIMEOUT_SEC, formatEndpoint, type ListenerInfo, type ListenerLogEntry } from '../../../shared/listener';
import type { Result } from '../../../shared/result';
import { describeReplyMode, parseReplyMode } from '../../listener/reply';

const clock = (iso: string): string => new Date(iso).toTimeString().slice(0, 8);

function parseTimeoutSec(value: string | boolean | (string | boolean)[] | undefined): number {
  if (value === undefined) return DEFAULT_LISTEN_TIMEOUT_SEC;
  const text = String(value);
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 86_400) {
    throw new UsageError(`--timeout "${text}" is not valid: give seconds from 1 to 86400`);
  }
  return Number(text);
}

function parseHost(value: string | boolean | (string | boolean)[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  const bare = String(value).replace(/^\[(.*)\]$/, '$1');
  if (!net.isIP(bare)) throw new UsageError(`--host "${String(value)}" is not an IP address: give 0.0.0.0, ::, 127.0.0.1, ::1 or one of this machine's addresses`);
  return bare;
}

function describeListener(info: ListenerInfo): string {
  const where = formatEndpoint(info.host, info.port);
  const scope = info.families === 'dual' ? ' (all addresses, IPv4 and IPv6)' : info.host === '0.0.0.0' ? ' (all IPv4 addresses)' : '';
  const lines = [
    `Listening on ${info.protocol.toUpperCase()} ${where}${scope}, reply: ${describeReplyMode(info.reply)}, stops at ${clock(info.stopsAt)}. Ctrl-C stops it.`,
    '',
    'From the other machine:',
    ...info.clientCommands.map((c) => `  ${c.tool.padEnd(18)} ${c.command}${c.note ? `   # ${c.note}` : ''}`),
    '',
  ];
  return lines.join('\n') + '\n';
}

/** Prints each peer once it says something or leaves, then its end; remembers what it printed by seq. */
function createPeerPrinter(io: CliIo): (info: ListenerInfo) => void {
  const shown = new Map<number, { data: boolean; ended: boolean }>();
  const peer = (e: ListenerLogEntry): string => formatEndpoint(e.peerAddress, e.peerPort);
  const bytes = (e: ListenerLogEntry): string => `in ${e.bytesIn} B, out ${e.bytesOut} B`;
  // The first bytes as text and as hex: binary protocols (TLS, RDP, SMB) are unreadable as text alone.
  const text = (e: ListenerLogEntry): string => (e.firstBytesText ? `  "${e.firstBytesText}"  hex ${e.firstBytesHex}` : '');
  return (info) => {
    for (const entry of info.log) {
      const state = shown.get(entry.seq) ?? { data: false, ended: false };
      const hasData = entry.firstBytesText !== '';
      const ended = entry.endedAt !== null;
      if (info.protocol === 'udp' || (!shown.has(entry.seq) && ended)) {
        if (!shown.has(entry.seq)) io.out(`${clock(entry.time)}  ${peer(entry)}  ${bytes(entry)}${text(entry)}\n`);
        shown.set(entry.seq, { data: true, ended: true });
        continue;
      }
      if (!shown.has(entry.seq) && !hasData) io.out(`${clock(entry.time)}  ${peer(entry)}  connected\n`);
      if (hasData && !state.data) io.out(`${clock(entry.time)}  ${peer(entry)}  sent${text(entry)}\n`);
      if (ended && !state.ended) io.out(`${clock(entry.endedAt ?? entry.time)}  ${peer(entry)}  closed, ${bytes(entry)}\n`);
      shown.set(entry.seq, { data: state.data || hasData, ended: state.ended || ended });
    }
  };
}

export const listenCommand: CliCommand = {
  name: 'listen',
  summary: 'start a temporary test listener; logs each peer and what it sent',
  help: `Usage: portscope listen <port> [--udp] [--host ADDR] [--reply silent|echo|http|banner:TEXT] [--timeout SEC]

Opens a temporary listener to prove a firewall path works before the real service exists. Prints
commands to run on the other machine, then each peer as it arrives (time, peer, bytes, and the
first bytes as text and hex).
Stops after the timeout or on Ctrl-C. If the port cannot be bound, says why (who holds it, privileged
port, Windows excluded range, address not on this machine) and suggests a free port nearby.

  <port>              1-65535
  --udp               listen on UDP instead of TCP
  --host ADDR         bind address: 0.0.0.0, ::, 127.0.0.1, ::1 or one of this machine's addresses
                      (default: all addresses, IPv4 and IPv6)
  --reply MODE        silent (default), echo, http (a 200 page naming PortScope), banner:TEXT
  --timeout SEC       stop after SEC seconds (default ${DEFAULT_LISTEN_TIMEOUT_SEC})

Exit codes: 0 ran and stopped, 1 could not listen, 2 bad input.
`,
  keepsServing: true,
  options: { udp: { type: 'boolean' }, host: { type: 'string' }, reply: { type: 'string' }, timeout: { type: 'string' } },
  async run({ values, positionals, io, service }) {
    if (positionals.length !== 1) throw new UsageError('give exactly one port, e.g. portscope listen 8080');
    const port = parsePortArg(positionals[0]);
    const reply = values.reply === undefined ? { kind: 'silent' as const } : parseReplyMode(String(values.reply));
    if (!reply) throw new UsageError(`--reply "${String(values.reply)}" is not a reply mode: give silent, echo, http or banner:TEXT`);
    const host = parseHost(values.host);
    const timeoutSec = parseTimeoutSec(values.timeout);

    const svc = service();
    const seen: ListenerInfo[] = [];
    let id: string | null = null;
    let stopped: (info: ListenerInfo) => void = () => undefined;
    const done = new Promise<ListenerInfo>((resolve) => (stopped = resolve));
    const print = createPeerPrinter(io);
    const onInfo = (info: ListenerInfo): void => {
      print(info);
      if (!info.running) stopped(info);
    };
    const unsubscribe = svc.subscribe((event: PushEvent) => {
      if (event.type !== 'listener') return;
      if (id === null) seen.push(event.listener);
      else if (event.listener.id === id) onInfo(event.listener);
    });
    try {
      const result = (await svc.dispatch('listenStart', {
        port,
        protocol: values.udp ? 'udp' : 'tcp',
        reply,
        timeoutSec,
        ...(host !== undefined ? { host } : {}),
      })) as Result<ListenerInfo | BindFailureResult>;
      if (!result.ok) {
        io.err(`portscope: ${result.message}\n`);
        return result.code === 'BAD_INPUT' ? EXIT_BAD_INPUT : EXIT_NOTHING;
      }
      if ('bindFailure' in result.value) {
        const failure = result.value.bindFailure;
        const lines = [`portscope: cannot listen on ${port}/${values.udp ? 'udp' : 'tcp'}: ${failure.message}`];
        for (const step of failure.advice ?? []) lines.push(`  - ${step}`);
        io.err(lines.join('\n') + '\n');
        return EXIT_NOTHING;
      }
      const info = result.value;
      id = info.id;
      io.out(describeListener(info));
      for (const early of seen.filter((l) => l.id === id)) onInfo(early);

      const onSigint = (): void => {
        io.out('\nStopping (Ctrl-C)…\n');
        void svc.dispatch('listenStop', { id: info.id });
      };
      process.once('SIGINT', onSigint);
      try {
        const last = await done;
        const why = last.stopReason === 'timeout' ? `the ${timeoutSec} s timeout passed` : 'stopped';
        io.out(`Listener stopped (${why}); ${last.peerCount} peer${last.peerCount === 1 ? '' : 's'} seen.\n`);
      } finally {
        process.off('SIGINT', onSigint);
      }
      return EXIT_OK;
    } finally {
      unsubscribe();
    }
  },
};
