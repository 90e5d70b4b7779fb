/** `portscope web`: serve the desktop UI to a browser on loopback until Ctrl+C / SIGTERM. */
import { EXIT_NOTHING, EXIT_OK, UsageError, type CliCommand } from '../command';
import { openInBrowser, startWebServer } from '../../web/index';
import { firstEvent } from '../../lib/first-event';

const HELP = `Usage: portscope web [--host 127.0.0.1] [--port N] [--no-open]

Serve the PortScope desktop UI to a browser. Prints one line:
  PortScope UI: http://127.0.0.1:PORT/?token=…
and runs until Ctrl+C (SIGINT) or SIGTERM.

Only someone with the token in that URL can see the data. The server answers only to
127.0.0.1, localhost and [::1] (and the --host you give), so other web sites cannot reach it.

Options:
  --host ADDR   address to listen on (default 127.0.0.1). Anything but loopback exposes your
                socket table to the network and prints a warning.
  --port N      port to listen on, 0 = any free port (default 0)
  --no-open     do not open the browser
`;

export const webCommand: CliCommand = {
  name: 'web',
  summary: 'serve the desktop UI to a browser on 127.0.0.1 (token-protected)',
  help: HELP,
  keepsServing: true,
  options: {
    host: { type: 'string' },
    port: { type: 'string' },
    'no-open': { type: 'boolean' },
  },
  async run({ values, io, service }) {
    if (values.host !== undefined && (typeof values.host !== 'string' || values.host.trim() === '')) {
      throw new UsageError('--host needs an address, e.g. --host 127.0.0.1');
    }
    const port = parseListenPort(values.port);
    const started = await startWebServer({
      host: typeof values.host === 'string' ? values.host.trim() : undefined,
      explicitHost: values.host !== undefined,
      port,
      service: service(),
      collectAhead: true, // a browser opens the URL next: the first poll runs while the page loads
      warn: io.err,
    });
    if (!started.ok) {
      if (started.code === 'BAD_INPUT') throw new UsageError(started.message);
      io.err(`portscope: ${started.message}\n`);
      return EXIT_NOTHING;
    }
    const server = started.value;
    io.out(`PortScope UI: ${server.url}\n`);
    if (!values['no-open']) {
      void openInBrowser(server.url).then((opened) => {
        if (!opened) io.err('portscope: could not open a browser; open the URL above yourself.\n');
      });
    }
    await firstEvent(process, ['SIGINT', 'SIGTERM']);
    await server.close();
    return EXIT_OK;
  },
};

function parseListenPort(value: unknown): number {
  if (value === undefined) return 0;
  const text = String(value);
  if (!/^\d+$/.test(text) || Number(text) > 65535) throw new UsageError(`"${text}" is not a port: give 0 (any free port) to 65535`);
  return Number(text);
}
