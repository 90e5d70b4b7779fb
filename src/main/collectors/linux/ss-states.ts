/** ss's state words -> the contract's canonical TCP states. UDP rows always get null (contract). */
const SS_TCP_STATES: Record<string, string> = {
  LISTEN: 'LISTEN',
  ESTAB: 'ESTABLISHED',
  'SYN-SENT': 'SYN_SENT',
  'SYN-RECV': 'SYN_RECEIVED',
  'FIN-WAIT-1': 'FIN_WAIT_1',
  'FIN-WAIT-2': 'FIN_WAIT_2',
  'CLOSE-WAIT': 'CLOSE_WAIT',
  CLOSING: 'CLOSING',
  'LAST-ACK': 'LAST_ACK',
  'TIME-WAIT': 'TIME_WAIT',
  // ss prints UNCONN for a TCP socket in CLOSE (created or bound, never listened/connected).
  UNCONN: 'CLOSED',
  CLOSE: 'CLOSED',
};

export function isSsState(word: string): boolean {
  return word in SS_TCP_STATES || word === 'UNKNOWN';
}

/** Canonical state for a TCP row; unknown words are kept as text. */
export function canonicalSsState(word: string): string {
  return SS_TCP_STATES[word] ?? word;
}
