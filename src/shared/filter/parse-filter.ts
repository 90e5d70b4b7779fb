/**
 * The filter language of the socket table: whitespace-separated terms combined with AND.
 *   port:80 / port:80,443 / port:8000-8100   exact local OR remote port (never a substring: 80 ≠ 8080)
 *   lport:N, rport:N                         local / remote port only
 *   pid:123                                  owner pid (any owner)
 *   proc:nginx                               process name contains (case-insensitive)
 *   state:listen                             state prefix (listen, est, time_wait, syn…); `listen` also
 *                                            matches unconnected UDP, as `ss -l` does
 *   proto:udp / proto:tcp / proto:tcp6       protocol, optionally with family
 *   addr:10.0.                               local or remote address contains
 *   user:root, svc:TermService               user / Windows service contains
 *   -term                                    negation of any term
 *   anything else                            free text: process, addresses, ports, meaning, services…
 * Values may be quoted: proc:"my app". Pure: no DOM, no I/O.
 */
export type FilterField = 'port' | 'lport' | 'rport' | 'pid' | 'proc' | 'state' | 'proto' | 'addr' | 'user' | 'svc' | 'text';

export interface PortRange {
  from: number;
  to: number;
}

export type FilterTerm =
  | { field: 'port' | 'lport' | 'rport'; ranges: PortRange[]; negate: boolean }
  | { field: 'pid'; pids: number[]; negate: boolean }
  | { field: 'proc' | 'state' | 'addr' | 'user' | 'svc' | 'text'; value: string; negate: boolean }
  | { field: 'proto'; protocol: 'tcp' | 'udp' | null; family: 4 | 6 | null; negate: boolean };

export interface ParsedFilter {
  terms: FilterTerm[];
  /** Human-readable problems ("port:abc is not a port number…"); the offending term is ignored. */
  errors: string[];
}

const FIELD_ALIASES: Record<string, FilterField> = {
  port: 'port',
  lport: 'lport',
  rport: 'rport',
  pid: 'pid',
  proc: 'proc',
  process: 'proc',
  name: 'proc',
  state: 'state',
  proto: 'proto',
  protocol: 'proto',
  addr: 'addr',
  address: 'addr',
  ip: 'addr',
  user: 'user',
  svc: 'svc',
  service: 'svc',
};

export const FILTER_FIELDS_HELP = 'port:, lport:, rport:, pid:, proc:, state:, proto:, addr:, user:, svc:';

/** Split on whitespace, keeping "quoted values" (with or without a field prefix) together. */
function tokenizeFilter(text: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') {
      quoted = !quoted;
      continue;
    }
    if (!quoted && /\s/.test(ch)) {
      if (current) tokens.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  if (current) tokens.push(current);
  return tokens;
}

function parsePortRanges(value: string): PortRange[] | null {
  const ranges: PortRange[] = [];
  for (const part of value.split(',')) {
    const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(part.trim());
    if (!m) return null;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from > 65535 || to > 65535 || to < from) return null;
    ranges.push({ from, to });
  }
  return ranges.length ? ranges : null;
}

function parseProto(value: string): { protocol: 'tcp' | 'udp' | null; family: 4 | 6 | null } | null {
  const m = /^(tcp|udp)?([46])?$/i.exec(value);
  if (!m || (!m[1] && !m[2])) return null;
  return {
    protocol: m[1] ? (m[1].toLowerCase() as 'tcp' | 'udp') : null,
    family: m[2] ? (Number(m[2]) as 4 | 6) : null,
  };
}

function parseTerm(token: string): FilterTerm | string {
  const negate = token.startsWith('-') && token.length > 1;
  const body = negate ? token.slice(1) : token;
  const colon = body.indexOf(':');
  const key = colon > 0 ? body.slice(0, colon).toLowerCase() : '';
  const field = FIELD_ALIASES[key];
  // Not a known field (e.g. an IPv6 address "::1" or "fe80::1"): the whole token is free text.
  if (!field) return { field: 'text', value: body.toLowerCase(), negate };
  const value = body.slice(colon + 1);
  if (value === '') return `${key}: needs a value (e.g. ${key}:${field === 'port' ? '80' : 'x'})`;
  switch (field) {
    case 'port':
    case 'lport':
    case 'rport': {
      const ranges = parsePortRanges(value);
      if (!ranges) return `${key}:${value} is not a port; use a number 0–65535, a list 80,443 or a range 8000-8100`;
      return { field, ranges, negate };
    }
    case 'pid': {
      const pids = value.split(',').map((p) => (/^\d+$/.test(p) ? Number(p) : NaN));
      if (pids.some((p) => !Number.isSafeInteger(p))) return `pid:${value} is not a process id; use a number such as pid:1234`;
      return { field, pids, negate };
    }
    case 'proto': {
      const proto = parseProto(value);
      if (!proto) return `proto:${value} is unknown; use tcp, udp, tcp4, tcp6, udp4, udp6, 4 or 6`;
      return { field, ...proto, negate };
    }
    default:
      return { field, value: value.toLowerCase(), negate } as FilterTerm;
  }
}

export function parseFilter(text: string): ParsedFilter {
  const terms: FilterTerm[] = [];
  const errors: string[] = [];
  for (const token of tokenizeFilter(text)) {
    const term = parseTerm(token);
    if (typeof term === 'string') errors.push(term);
    else terms.push(term);
  }
  return { terms, errors };
}
