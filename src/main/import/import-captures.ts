/**
 * `import`: saved captures (bytes) -> contract rows. Each file is decoded (UTF-8, UTF-8 BOM, UTF-16,
 * OEM code pages), its format detected or forced, and parsed; process hints of every file (tasklist
 * image names and services) are joined to every file's sockets by pid. Pure: no file or console I/O.
 */
import type { ProcessFacts, RawSocket, SocketRow } from '../../shared/types';
import { err, ok, type Result } from '../../shared/result';
import { buildRows } from '../engine/build-rows';
import { decodeOutput } from '../collectors/windows/decode-output';
import { detectFormat } from './detect-format';
import { IMPORT_FORMATS, isImportFormat, parseAs, type ImportFormat } from './formats';

export interface CaptureFile {
  /** Shown in messages; `-` for standard input. */
  name: string;
  bytes: Uint8Array;
}

export interface ImportOptions {
  /** A format name or `auto` (default). */
  format?: string;
  /** An encoding name or `auto` (default). */
  encoding?: string;
}

export interface FileReport {
  name: string;
  format: ImportFormat;
  encoding: string;
  rows: number;
  unparsed: number;
}

export interface ImportResult {
  rows: SocketRow[];
  files: FileReport[];
}

const FORMAT_LIST = IMPORT_FORMATS.join(', ');

export function importCaptures(files: readonly CaptureFile[], options: ImportOptions = {}): Result<ImportResult> {
  const forced = options.format ?? 'auto';
  if (forced !== 'auto' && !isImportFormat(forced)) {
    return err('BAD_INPUT', `unknown format "${forced}": use auto or one of ${FORMAT_LIST}`);
  }
  const raws: RawSocket[] = [];
  const hints = new Map<number, Partial<ProcessFacts>>();
  const reports: FileReport[] = [];
  for (const file of files) {
    const decoded = decodeOutput(file.bytes, options.encoding ?? 'auto');
    if (!decoded.ok) return decoded;
    const format = forced === 'auto' ? detectFormat(decoded.value.text) : forced;
    if (!format) {
      return err(
        'BAD_INPUT',
        `cannot tell the format of ${file.name}: give --format with one of ${FORMAT_LIST}`,
      );
    }
    const parsed = parseAs(format, decoded.value.text, file.name);
    raws.push(...parsed.rows);
    for (const [pid, hint] of parsed.hints) hints.set(pid, { ...hints.get(pid), ...hint });
    reports.push({ name: file.name, format, encoding: decoded.value.encoding, rows: parsed.rows.length, unparsed: parsed.unparsed });
  }
  return ok({ rows: buildRows(raws, { facts: new Map(), hints }), files: reports });
}
