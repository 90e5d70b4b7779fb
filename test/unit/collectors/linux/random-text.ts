/** Deterministic random text for fuzzing parsers: ss/proc-like tokens mixed with noise. */
const TOKENS = ['tcp', 'udp', 'LISTEN', 'ESTAB', 'UNCONN', '0', '128', '*:*', '[::]:', '%lo', ':', '(', ')', '"', ',', 'users:((', 'pid=', 'fd=', '0A', '0100007F:0050', ':', '\n', '\t', ' ', '\u0000', 'é', '9999999999999999999'];

export function randomText(seed: number, length: number): string {
  let state = seed * 2654435761 + 1;
  const next = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state;
  };
  let text = '';
  while (text.length < length) {
    text += next() % 3 === 0 ? String.fromCharCode(next() % 0x250) : TOKENS[next() % TOKENS.length];
  }
  return text;
}
