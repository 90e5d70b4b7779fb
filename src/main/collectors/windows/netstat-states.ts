/**
 * Windows `netstat` state words per display language -> canonical state. Windows translates the
 * state column (not `TCP`/`UDP`), so the parser maps every word it knows and keeps the rest as text.
 * LISTEN does not depend on this table: an unspecified foreign address (`0.0.0.0:0`) means LISTEN
 * unless the word is a known other state (`BOUND`/`GEBUNDEN` from `netstat -anoq`, `CLOSED`).
 * Keys are upper-cased; words are matched after the same upper-casing.
 */
import type { TcpState } from '../../../shared/types';

const WORDS: Record<string, TcpState> = {
  // English (also what French, Russian and several other localized builds print)
  LISTENING: 'LISTEN',
  LISTEN: 'LISTEN',
  ESTABLISHED: 'ESTABLISHED',
  SYN_SENT: 'SYN_SENT',
  SYN_RECEIVED: 'SYN_RECEIVED',
  SYN_RCVD: 'SYN_RECEIVED',
  FIN_WAIT_1: 'FIN_WAIT_1',
  FIN_WAIT1: 'FIN_WAIT_1',
  FIN_WAIT_2: 'FIN_WAIT_2',
  FIN_WAIT2: 'FIN_WAIT_2',
  CLOSE_WAIT: 'CLOSE_WAIT',
  CLOSING: 'CLOSING',
  LAST_ACK: 'LAST_ACK',
  TIME_WAIT: 'TIME_WAIT',
  CLOSED: 'CLOSED',
  DELETE_TCB: 'DELETE_TCB',
  BOUND: 'BOUND',
  // German
  'ABHÖREN': 'LISTEN',
  HERGESTELLT: 'ESTABLISHED',
  WARTEND: 'TIME_WAIT',
  SCHLIESSEN_WARTEN: 'CLOSE_WAIT',
  FIN_WARTEN_1: 'FIN_WAIT_1',
  FIN_WARTEN_2: 'FIN_WAIT_2',
  SYN_GESENDET: 'SYN_SENT',
  SYN_EMPFANGEN: 'SYN_RECEIVED',
  SCHLIESSEND: 'CLOSING',
  LETZTE_BEST: 'LAST_ACK',
  GESCHLOSSEN: 'CLOSED',
  GEBUNDEN: 'BOUND',
  // French
  'ÉCOUTE': 'LISTEN',
  ECOUTE: 'LISTEN',
  'ÉTABLI': 'ESTABLISHED',
  'ÉTABLIE': 'ESTABLISHED',
  ETABLI: 'ESTABLISHED',
  'FERMÉ': 'CLOSED',
  'SYN_ENVOYÉ': 'SYN_SENT',
  'SYN_REÇU': 'SYN_RECEIVED',
  'ATTENTE_FERMETURE': 'CLOSE_WAIT',
  // Spanish
  ESCUCHANDO: 'LISTEN',
  ESTABLECIDO: 'ESTABLISHED',
  ESTABLECIDA: 'ESTABLISHED',
  CERRADO: 'CLOSED',
  CERRANDO: 'CLOSING',
  SYN_ENVIADO: 'SYN_SENT',
  SYN_RECIBIDO: 'SYN_RECEIVED',
  ESPERA_CIERRE: 'CLOSE_WAIT',
  // Italian ("IN ASCOLTO" is two words: the parser joins the state tokens)
  'IN ASCOLTO': 'LISTEN',
  STABILITA: 'ESTABLISHED',
  STABILITO: 'ESTABLISHED',
  CHIUSO: 'CLOSED',
  CHIUSA: 'CLOSED',
  'IN CHIUSURA': 'CLOSING',
  // Portuguese (Brazil and Portugal)
  OUVINDO: 'LISTEN',
  ESCUTANDO: 'LISTEN',
  'À_ESCUTA': 'LISTEN',
  ESTABELECIDA: 'ESTABLISHED',
  ESTABELECIDO: 'ESTABLISHED',
  FECHADO: 'CLOSED',
  FECHANDO: 'CLOSING',
  AGUARDANDO_FECHAMENTO: 'CLOSE_WAIT',
  // Russian (modern builds print the English words; older ones translated these)
  'ПРОСЛУШИВАНИЕ': 'LISTEN',
  'СЛУШАЮ': 'LISTEN',
  'УСТАНОВЛЕНО': 'ESTABLISHED',
  'ЗАКРЫТО': 'CLOSED',
  'ЗАКРЫТИЕ': 'CLOSING',
  // Polish
  'NASŁUCHIWANIE': 'LISTEN',
  USTANOWIONO: 'ESTABLISHED',
  CZAS_OCZEKIWANIA: 'TIME_WAIT',
  ZAMKNIJ_OCZEKIWANIE: 'CLOSE_WAIT',
};

/** Canonical state for a (possibly localized) netstat word; the word itself when unknown. */
export function mapNetstatStateWord(word: string): string {
  return knownNetstatState(word) ?? word.trim();
}

/** Canonical state for a word this table knows; null when unknown. */
export function knownNetstatState(word: string): TcpState | null {
  const key = word.trim().toUpperCase();
  return WORDS[key] ?? WORDS[key.replace(/\s+/g, '_')] ?? null;
}

/** True when the word is one this table knows (used to score code-page guesses). */
export function isKnownNetstatStateWord(word: string): boolean {
  return word.trim().toUpperCase() in WORDS;
}
