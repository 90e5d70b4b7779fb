/**
 * Bytes -> text for Windows tool output and saved captures. Console tools write the OEM code page
 * (850 in Western Europe, 866 in Russia), PowerShell 5.1 `> file` writes UTF-16LE with a BOM, and
 * newer tools write UTF-8 with or without a BOM. Decoding CP850 bytes as Windows-1252 turns
 * `ABHÖREN` into `ABH™REN`, so the code page is chosen on purpose, never left to chance.
 */
import { createRequire } from 'node:module';
import type IconvLite from 'iconv-lite';
import { ok, err, type Result } from '../../../shared/result';
import { isKnownNetstatStateWord } from './netstat-states';

export interface Decoded {
  text: string;
  /** What was used: utf8, utf8-bom, utf16le, utf16be, cp850, cp866, windows-1252, or the forced name. */
  encoding: string;
}

let iconvLite: typeof IconvLite | null = null;

/**
 * iconv-lite, loaded on first use: only Windows tool output and imported captures need it, and loading it
 * cost every start of the CLI (and of the app) ~6 ms on Linux.
 */
function iconv(): typeof IconvLite {
  return (iconvLite ??= createRequire(import.meta.url)('iconv-lite') as typeof IconvLite);
}

/** Single-byte code pages tried, in order of preference, when the bytes are not UTF-8. */
const OEM_CANDIDATES = ['cp850', 'cp866', 'windows-1252'] as const;

/** Localized header words that tell code pages apart when no state word does (Russian builds print English states). */
const HEADER_WORDS = new Set(
  ['Активные', 'подключения', 'Локальный', 'Внешний', 'адрес', 'Состояние', 'Имя', 'Dirección', 'Endereço', 'Conexões', 'État', 'Adresse', 'Aktive'].map(
    (w) => w.toUpperCase(),
  ),
);

/**
 * Decode captured bytes. `encoding` forces a code page (any name iconv-lite knows, e.g. cp850);
 * `auto` (default) detects BOMs, UTF-16 by its NUL pattern, UTF-8 by validity, and otherwise picks
 * the OEM code page whose text contains the most known netstat words (CP850 when none does).
 */
export function decodeOutput(bytes: Uint8Array, encoding = 'auto'): Result<Decoded> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (encoding !== 'auto') {
    if (!iconv().encodingExists(encoding)) {
      return err('BAD_INPUT', `unknown encoding "${encoding}": use auto, utf8, utf16le, cp850, cp866, cp437 or windows-1252`);
    }
    return ok({ text: stripBom(iconv().decode(buffer, encoding)), encoding });
  }
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    return ok({ text: buffer.subarray(3).toString('utf8'), encoding: 'utf8-bom' });
  }
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return ok({ text: iconv().decode(buffer.subarray(2), 'utf16le'), encoding: 'utf16le' });
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return ok({ text: iconv().decode(buffer.subarray(2), 'utf16be'), encoding: 'utf16be' });
  const utf16 = guessUtf16(buffer);
  if (utf16) return ok({ text: iconv().decode(buffer, utf16), encoding: utf16 });
  const utf8 = decodeUtf8(buffer);
  return ok(utf8 !== null ? { text: utf8, encoding: 'utf8' } : bestOemDecode(buffer));
}

/**
 * The text when the bytes are UTF-8, else null. A file cut in the middle of a multi-byte character
 * is still UTF-8 (the incomplete tail is dropped), and so is one with a stray invalid byte or two
 * among many valid multi-byte characters; OEM code page text has (almost) no valid sequences.
 */
function decodeUtf8(buffer: Uint8Array): string | null {
  const strict = new TextDecoder('utf-8', { fatal: true });
  const whole = buffer.subarray(0, buffer.length - incompleteUtf8Tail(buffer));
  try {
    return strict.decode(whole);
  } catch {
    // not strictly valid: accept a tiny share of invalid bytes below
  }
  const text = new TextDecoder('utf-8').decode(whole);
  let replaced = 0;
  let multiByte = 0;
  for (const c of text) {
    if (c === '\uFFFD') replaced++;
    else if (c.charCodeAt(0) > 0x7f) multiByte++;
  }
  return multiByte > replaced && replaced <= Math.max(2, multiByte / 50) ? text : null;
}

/** Length (0–3) of an incomplete UTF-8 sequence at the very end: a lead byte with too few continuation bytes. */
function incompleteUtf8Tail(buffer: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, buffer.length); back++) {
    const byte = buffer[buffer.length - back];
    if (byte >= 0x80 && byte <= 0xbf) continue; // continuation byte: look further back for the lead
    const needed = byte >= 0xf0 && byte <= 0xf4 ? 4 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xc2 && byte <= 0xdf ? 2 : 0;
    return needed > back ? back : 0;
  }
  return 0;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** UTF-16 without BOM: ASCII-heavy text has a NUL in every other byte. */
function guessUtf16(buffer: Buffer): 'utf16le' | 'utf16be' | null {
  const pairs = Math.min(buffer.length >> 1, 4096);
  if (pairs < 2) return null;
  let oddNuls = 0;
  let evenNuls = 0;
  for (let i = 0; i < pairs; i++) {
    if (buffer[2 * i] === 0) evenNuls++;
    if (buffer[2 * i + 1] === 0) oddNuls++;
  }
  if (oddNuls > pairs * 0.3 && evenNuls < pairs * 0.05) return 'utf16le';
  if (evenNuls > pairs * 0.3 && oddNuls < pairs * 0.05) return 'utf16be';
  return null;
}

/** Scores a sample (words repeat on every row), then decodes the whole buffer once with the winner. */
function bestOemDecode(buffer: Buffer): Decoded {
  const sample = buffer.subarray(0, 256 * 1024);
  let best: string = 'cp850';
  let bestScore = 0;
  for (const codePage of OEM_CANDIDATES) {
    const score = knownWordScore(iconv().decode(sample, codePage));
    if (score > bestScore) {
      best = codePage;
      bestScore = score;
    }
  }
  return { text: iconv().decode(buffer, best), encoding: best };
}

/** How many tokens are known netstat state or header words (only non-ASCII ones tell code pages apart). */
function knownWordScore(text: string): number {
  let score = 0;
  for (const token of text.split(/\s+/)) {
    if (![...token].some((c) => c.charCodeAt(0) > 0x7f)) continue;
    if (isKnownNetstatStateWord(token) || HEADER_WORDS.has(token.toUpperCase())) score++;
  }
  return score;
}
