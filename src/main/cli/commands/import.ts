import { readFile } from 'node:fs/promises';
import { EXIT_NOTHING, EXIT_OK, UsageError, type CliCommand } from '../command';
import { printRows, rowFormatFrom } from '../print-rows';
import { importCaptures, type CaptureFile } from '../../import/import-captures';
import { FORMAT_PLATFORM, type ImportFormat } from '../../import/formats';
import { annotateRows, DEFAULT_EPHEMERAL_RANGES } from '../../../shared/catalog/index';
import { NETSTAT_TCP_ARGS } from '../../collectors/macos/index';

/** Forced netstat formats: a capture of these always has socket rows, so none means the wrong file or format. */
const NETSTAT_CAPTURES: Partial<Record<ImportFormat, string>> = {
  'netstat-windows': 'netstat -ano',
  'netstat-linux': 'netstat -tunap',
  'netstat-macos': `netstat ${NETSTAT_TCP_ARGS.join(' ')}`,
};

const lines = (n: number): string => (n === 1 ? '1 line' : `${n} lines`);

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'parse saved captures (netstat, ss, lsof, PowerShell, tasklist …) from any machine',
  help: `Usage: portscope import <file|-> [<file> …] [--format F] [--encoding E] [--json|--csv]

Reads socket tables saved on any machine and prints them as PortScope rows. \`-\` reads standard input.
Several files may be given: a tasklist capture is joined to the sockets by pid (names, services).

  --format F     auto (default) or one of:
                   netstat-windows       netstat -ano / -an / -anob, any display language
                   get-nettcpconnection  Get-NetTCPConnection / Get-NetUDPEndpoint | ConvertTo-Json
                   tasklist              tasklist /svc /fo csv  (or /fo csv /nh)
                   ss                    ss -tunap (with or without header)
                   netstat-linux         netstat -tunap
                   proc-net              /proc/net/tcp, tcp6, udp, udp6 (one or several)
                   lsof                  lsof -nP -iTCP -iUDP -F pcnPtTf
                   netstat-macos         netstat -anvl -p tcp / -p udp (every macOS layout, -l or not)
                 With several files, a forced format applies to all of them.
  --encoding E   auto (default: UTF-8, UTF-8 BOM, UTF-16 and OEM code pages detected) or a name such
                 as utf8, utf16le, cp850, cp866, cp437, windows-1252
  --json         one JSON array of rows (see CONTRACT.md); compact when piped or redirected
  --csv          CSV with a header line

Lines that cannot be read are skipped and counted on stderr; --json output stays valid.
Exit: 0 rows printed, 1 no socket in the captures, 2 bad input (unreadable file, unknown format).
Examples:
  portscope import netstat.txt tasklist.csv
  ssh host ss -tunap | portscope import - --json`,
  options: {
    format: { type: 'string', short: 'f' },
    encoding: { type: 'string' },
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
  },
  async run({ values, positionals, io }) {
    const output = rowFormatFrom(values);
    if (positionals.length === 0) throw new UsageError('give a capture file to import, or - for standard input');
    if (positionals.filter((p) => p === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
    const files: CaptureFile[] = [];
    for (const name of positionals) {
      if (name === '-') {
        files.push({ name: 'standard input', bytes: await io.readStdin() });
        continue;
      }
      try {
        files.push({ name, bytes: await readFile(name) });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String(code ?? error);
        throw new UsageError(`cannot read ${name}: ${why}`);
      }
    }
    const result = importCaptures(files, {
      format: values.format === undefined ? 'auto' : String(values.format),
      encoding: values.encoding === undefined ? 'auto' : String(values.encoding),
    });
    if (!result.ok) {
      if (output === 'json') io.out('[]\n'); // a script reading --json still gets valid JSON (the exit code says why)
      throw new UsageError(result.message);
    }
    // Annotate with the capture's OS (its port knowledge and default ephemeral range), not this machine's.
    const socketFile = result.value.files.find((f) => f.format !== 'tasklist');
    if (socketFile) {
      const platform = FORMAT_PLATFORM[socketFile.format];
      annotateRows(result.value.rows, { platform, ephemeralRange: DEFAULT_EPHEMERAL_RANGES[platform] });
    }
    printRows(io, result.value.rows, output);
    for (const file of result.value.files) {
      if (file.unparsed > 0) io.err(`portscope: skipped ${lines(file.unparsed)} that could not be read in ${file.name}\n`);
    }
    const forcedNetstat = values.format === undefined ? undefined : NETSTAT_CAPTURES[String(values.format) as ImportFormat];
    if (forcedNetstat !== undefined) {
      for (const file of result.value.files.filter((f) => f.rows === 0)) {
        io.err(
          `portscope: no sockets found in ${file.name} (format ${file.format}): it holds no TCP/UDP rows of \`${forcedNetstat}\`. ` +
            'Check that the file is that command\'s output, or drop --format to let import detect the format.\n',
        );
      }
    }
    if (result.value.files.every((f) => f.format === 'tasklist')) {
      io.err('portscope: a tasklist capture names processes but holds no sockets: import it together with a netstat or Get-NetTCPConnection capture.\n');
    }
    return result.value.rows.length > 0 ? EXIT_OK : EXIT_NOTHING;
  },
};
