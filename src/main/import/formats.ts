/**
 * The capture formats `import` reads (CONTRACT.md), each a pure text -> sockets (+ process hints)
 * function built on the collectors' parsers. One table: adding a format is one entry here and one
 * detector in detect-format.ts.
 */
import type { ProcessFacts, Protocol, RawSocket } from '../../shared/types';
import type { ParseResult } from '../collectors/types';
import type { CatalogPlatform } from '../../shared/catalog/types';
import { parseNetstatWindows } from '../collectors/windows/parse-netstat-windows';
import { parseGetNetTcpConnection } from '../collectors/windows/parse-get-net-tcp-connection';
import { parseTasklistCsv } from '../process/windows/parse-tasklist';
import { parseSs } from '../collectors/linux/parse-ss';
import { parseNetstatLinux } from '../collectors/linux/parse-netstat-linux';
import { parseProcNet } from '../collectors/linux/parse-proc-net';
import { parseLsofF } from '../collectors/macos/parse-lsof';
import { parseNetstatMacos } from '../collectors/macos/parse-netstat-macos';

export const IMPORT_FORMATS = [
  'netstat-windows',
  'get-nettcpconnection',
  'tasklist',
  'ss',
  'netstat-linux',
  'proc-net',
  'lsof',
  'netstat-macos',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The OS each capture format comes from: import annotates with that OS's port knowledge and ranges. */
export const FORMAT_PLATFORM: Readonly<Record<ImportFormat, CatalogPlatform>> = {
  'netstat-windows': 'win32',
  'get-nettcpconnection': 'win32',
  tasklist: 'win32',
  ss: 'linux',
  'netstat-linux': 'linux',
  'proc-net': 'linux',
  lsof: 'darwin',
  'netstat-macos': 'darwin',
};

export const isImportFormat = (name: string): name is ImportFormat => (IMPORT_FORMATS as readonly string[]).includes(name);

export interface FormatParse {
  rows: RawSocket[];
  /** Lines (or JSON documents) that looked like data but could not be read. */
  unparsed: number;
  /** Process facts by pid the capture gives (tasklist: image name and services). */
  hints: Map<number, Partial<ProcessFacts>>;
}

const fromParse = (result: ParseResult): FormatParse => ({ rows: result.rows, unparsed: result.unparsed.length, hints: new Map() });

/** Parse text in a known format. `fileName` helps proc-net tell tcp from udp (`/proc/net/udp6`). */
export function parseAs(format: ImportFormat, text: string, fileName = ''): FormatParse {
  switch (format) {
    case 'netstat-windows':
      return fromParse(parseNetstatWindows(text));
    case 'get-nettcpconnection':
      return fromParse(parseGetNetTcpConnection(text));
    case 'tasklist': {
      const { byPid, unparsed } = parseTasklistCsv(text);
      const hints = new Map<number, Partial<ProcessFacts>>();
      for (const entry of byPid.values()) hints.set(entry.pid, { pid: entry.pid, name: entry.name, services: entry.services });
      return { rows: [], unparsed: unparsed.length, hints };
    }
    case 'ss':
      return fromParse(parseSs(text));
    case 'netstat-linux':
      return fromParse(parseNetstatLinux(text));
    case 'proc-net':
      return parseProcNetCapture(text, fileName);
    case 'lsof':
      return fromParse(parseLsofF(text));
    case 'netstat-macos':
      return fromParse(parseNetstatMacos(text));
  }
}

/**
 * One or several /proc/net tables (`cat /proc/net/tcp /proc/net/udp6 > file`): each header starts a
 * section; UDP headers end in `drops`, TCP ones do not. A file named …udp… without headers is UDP.
 */
function parseProcNetCapture(text: string, fileName: string): FormatParse {
  const result: FormatParse = { rows: [], unparsed: 0, hints: new Map() };
  let protocol: Protocol = /udp/i.test(fileName.split(/[\\/]/).pop() ?? '') ? 'udp' : 'tcp';
  let section: string[] = [];
  const flush = (): void => {
    const parsed = parseProcNet(section.join('\n'), protocol);
    result.rows.push(...parsed.rows);
    result.unparsed += parsed.unparsed.length;
    section = [];
  };
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*sl\s+local_address/.test(line)) {
      flush();
      protocol = /\bdrops\b/.test(line) ? 'udp' : 'tcp';
      continue;
    }
    section.push(line);
  }
  flush();
  return result;
}
