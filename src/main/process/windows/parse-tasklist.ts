/**
 * Pure parser for `tasklist /svc /fo csv` (image, pid, services) and `tasklist /fo csv [/nh]`
 * (image, pid, session, session#, memory), in any display language. The header row is translated
 * and optional, so rows are recognised by a numeric pid in the second column. "N/A" is translated
 * too ("No disponible", "Nicht zutreffend", "Н/Д"): anything that is not a list of service names
 * means "no services".
 */
import { parse } from 'csv-parse/sync';

export interface TasklistEntry {
  pid: number;
  name: string;
  services: string[];
}

export interface TasklistParse {
  byPid: Map<number, TasklistEntry>;
  /** Lines that looked like data but could not be read. */
  unparsed: string[];
}

/** A service short name: no spaces, no slash (which every translation of N/A has). */
const SERVICE_NAME = /^[\w.\-$@{}#+~]+$/;

export function parseTasklistCsv(text: string): TasklistParse {
  const byPid = new Map<number, TasklistEntry>();
  const unparsed: string[] = [];
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
    }) as string[][];
  } catch {
    // csv-parse gives up on a broken quote; fall back to a line-wise reading so the rest still counts
    records = text.split(/\r?\n/).filter((l) => l.trim() !== '').map(splitCsvLineLoosely);
  }
  let first = true;
  for (const record of records) {
    const isHeader = first && record.length >= 2 && !/^\d+$/.test(record[1] ?? '');
    first = false;
    if (isHeader) continue;
    const [name, pidText, third] = record;
    if (!name || !pidText || !/^\d+$/.test(pidText)) {
      unparsed.push(record.join(','));
      continue;
    }
    const services = record.length === 3 ? parseServices(third ?? '') : [];
    byPid.set(Number(pidText), { pid: Number(pidText), name, services });
  }
  return { byPid, unparsed };
}

export function parseServices(text: string): string[] {
  const parts = text.split(',').map((s) => s.trim()).filter(Boolean);
  return parts.length > 0 && parts.every((p) => SERVICE_NAME.test(p)) ? parts : [];
}

function splitCsvLineLoosely(line: string): string[] {
  const cells = line.match(/"([^"]*)"|[^,]+/g) ?? [];
  return cells.map((c) => c.replace(/^"|"$/g, '').trim());
}
