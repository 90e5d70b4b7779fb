/**
 * The web face's gatekeeping, as pure functions: the token, the Host/Origin allow-list against DNS
 * rebinding, and where a request may carry its token. The server (./server.ts) only calls these.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

/** 32 random bytes, base64url: safe in a URL, a header and a WebSocket subprotocol. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison: both sides are hashed first so the lengths are always equal. */
export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string' || given.length === 0) return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}

/** The WebSocket subprotocol that carries the token: browsers cannot set headers on a WebSocket. */
export const WS_PROTOCOL = 'portscope';
const WS_TOKEN_PREFIX = 'token.';
/** The header the web client sends its token in (Authorization: Bearer is accepted too). */
export const TOKEN_HEADER = 'x-portscope-token';

/** A host without the brackets an IPv6 address is written in (`[::1]` → `::1`), as listen() and isIP() want it. */
export function bareHost(host: string): string {
  return host.replace(/^\[|\]$/g, '');
}

/** Loopback names and addresses: binding these needs no --host. */
export function isLoopbackHost(host: string): boolean {
  const bare = bareHost(host).toLowerCase();
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || /^::ffff:127\./.test(bare);
  return false;
}

/**
 * May we bind this host? Loopback always; anything else only when the user typed --host, and then
 * with a warning to print.
 */
export function checkBindHost(host: string, explicit: boolean): { ok: true; warning: string | null } | { ok: false; message: string } {
  if (isLoopbackHost(host)) return { ok: true, warning: null };
  if (!explicit) return { ok: false, message: `refusing to bind ${host} without an explicit --host: only loopback is safe by default` };
  return {
    ok: true,
    warning: `portscope: WARNING: serving on ${host}, reachable from other machines. Anyone with the token can see every socket and process; use --host 127.0.0.1 unless you need this.\n`,
  };
}

/** How a host is written in a Host header / URL: IPv6 in brackets. */
export function hostForUrl(host: string): string {
  const bare = bareHost(host);
  return isIP(bare) === 6 ? `[${bare}]` : bare;
}

/**
 * The Host header values we answer to. A DNS-rebinding page reaches us with its own name in Host
 * (evil.example:PORT), so only loopback names and the explicitly bound host pass.
 */
export function allowedHosts(boundHost: string, port: number, interfaceAddresses: string[] = []): Set<string> {
  const names = ['127.0.0.1', 'localhost', '[::1]'];
  const bound = hostForUrl(boundHost).toLowerCase();
  // A wildcard bind is reached through this machine's own addresses (IP literals cannot be rebound).
  if (isWildcardHost(boundHost)) names.push(...interfaceAddresses.map((a) => hostForUrl(a).toLowerCase()));
  else names.push(bound);
  return new Set(names.map((name) => `${name}:${port}`));
}

export function isWildcardHost(host: string): boolean {
  return ['0.0.0.0', '::', '[::]'].includes(host);
}

export function hostAllowed(hostHeader: string | undefined, allowed: Set<string>): boolean {
  return typeof hostHeader === 'string' && allowed.has(hostHeader.toLowerCase());
}

/** Origin, when the browser sends one, must be our own http origin on an allowed host. */
export function originAllowed(originHeader: string | undefined, allowed: Set<string>): boolean {
  if (originHeader === undefined) return true;
  let origin: URL;
  try {
    origin = new URL(originHeader);
  } catch {
    return false;
  }
  return origin.protocol === 'http:' && allowed.has(origin.host.toLowerCase()) && origin.pathname === '/';
}

/**
 * What the page's cookie holds: a secret derived from the token that opens the renderer's static files
 * only. Browsers send a 127.0.0.1 cookie to every port of that host, so any other local server the user
 * visits receives it; the token itself there would let that server end processes through the API.
 */
export function staticFilesCookieValue(token: string): string {
  return createHmac('sha256', token).update('portscope static files').digest('base64url');
}

/** May this request read the renderer's files: the token in ?token=, or the cookie the page got. */
export function staticFilesAllowed(token: string, query: string | null, cookieHeader: string | undefined, cookieName: string): boolean {
  if (query) return tokenMatches(token, query);
  return tokenMatches(staticFilesCookieValue(token), readCookie(cookieHeader, cookieName));
}

export interface TokenSources {
  authorization?: string;
  tokenHeader?: string;
  query?: string | null;
  /** `Sec-WebSocket-Protocol` values, already split. */
  subprotocols?: string[];
}

/** The token of an API or WebSocket request, from the first place that has one (never a cookie). */
export function tokenFrom(sources: TokenSources): string | null {
  const bearer = /^Bearer\s+(\S+)$/i.exec(sources.authorization ?? '')?.[1];
  if (bearer) return bearer;
  if (sources.tokenHeader) return sources.tokenHeader;
  const fromProtocol = sources.subprotocols?.find((p) => p.startsWith(WS_TOKEN_PREFIX));
  if (fromProtocol) return fromProtocol.slice(WS_TOKEN_PREFIX.length);
  return sources.query || null;
}

export function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=') || null;
  }
  return null;
}

/**
 * One cookie per port: cookies ignore ports, so two `portscope web` instances on one machine must not
 * overwrite each other's cookie.
 */
export function tokenCookieName(port: number): string {
  return `portscope_token_${port}`;
}
