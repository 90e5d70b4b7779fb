/** What every collector and parser returns. Parsers are pure (text in, rows out); runners do the I/O. */
import type { ProcessFacts, RawSocket } from '../../shared/types';

export interface ParseResult {
  rows: RawSocket[];
  /** Lines that looked like data but could not be read; counted, never thrown. */
  unparsed: string[];
}

export interface Collection {
  rows: RawSocket[];
  unparsedLines: number;
  /** Set when some owners are hidden by the OS (not root/administrator): what to do about it. */
  ownersHidden: string | null;
  /** Process facts the source already gave (e.g. tasklist names, Get-NetTCPConnection), by pid. */
  processHints?: Map<number, Partial<ProcessFacts>>;
}

/** One OS source. `available` is cheap and cached by the caller; `collect` never throws for bad text. */
export interface Collector {
  name: string;
  available(): Promise<boolean>;
  collect(): Promise<Collection>;
}
