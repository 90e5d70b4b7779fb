/**
 * Windows tools write the OEM code page (or UTF-16 when redirected by some shells). The port parsers
 * need only digits, '*', ':' and line breaks, which survive a latin1 reading of any OEM code page.
 */
export function decodeToolOutput(bytes: Buffer): string {
  const looksUtf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes.length > 8 && bytes[1] === 0 && bytes[3] === 0));
  return looksUtf16 ? bytes.toString('utf16le').replace(/^\uFEFF/, '') : bytes.toString('latin1');
}
