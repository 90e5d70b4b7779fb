/** A peer's first bytes as printable text and hex, for the listener log. Pure. */
import { FIRST_BYTES_CAP } from '../../shared/listener';

/** Printable ASCII kept; CR/LF/TAB shown as \r \n \t; everything else as '.' (like hexdump -C). */
export function bytesAsText(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    if (byte === 0x0d) text += '\\r';
    else if (byte === 0x0a) text += '\\n';
    else if (byte === 0x09) text += '\\t';
    else text += byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.';
  }
  return text;
}

export function bytesAsHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join(' ');
}

/** Add a chunk to the kept prefix, up to FIRST_BYTES_CAP bytes. */
export function appendFirstBytes(kept: Buffer, chunk: Buffer, cap = FIRST_BYTES_CAP): Buffer {
  if (kept.length >= cap) return kept;
  return Buffer.concat([kept, chunk.subarray(0, cap - kept.length)]);
}
