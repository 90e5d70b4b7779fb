/**
 * ss's state words -> the contract's canonical TCP states. UDP rows always get null (contract).
 * A Map, not an object: the words are slices of ss's output, and an object lookup would intern each one
 * (a visible cost at 40k lines).
 */
const SS_TCP_STATES = new Map<string, string>([
  ['LISTEN', 'LISTEN'],
  ['ESTAB', 'ESTABLISHED'],
  ['SYN-SENT', 'SYN_SENT'],
  ['SYN-RECV', 'SYN_RECEIVED'],
  ['FIN-WAIT-1', 'FIN_WAIT_1'],
  ['FIN-WAIT-2', 'FIN_WAIT_2'],
  ['CLOSE-WAIT', 'CLOSE_WAIT'],
  ['CLOSING', 'CLOSING'],
  ['LAST-ACK', 'LAST_ACK'],
  ['TIME-WAIT', 'TIME_WAIT'],
  // ss prints UNCONN for a TCP socket in CLOSE (created or bound, never listened/connected).
  ['UNCONN', 'CLOSED'],
  ['CLOSE', 'CLOSED'],
]);

export function isSsState(word: string): boolean {
  return SS_TCP_STATES.has(word) || word === 'UNKNOWN';
}

/** Canonical state for a TCP row; unknown words are kept as text. */
export function canonicalSsState(word: string): string {
  return SS_TCP_STATES.get(word) ?? word;
}
