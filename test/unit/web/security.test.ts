import { describe, expect, it } from 'vitest';
import {
  allowedHosts,
  checkBindHost,
  createToken,
  hostAllowed,
  isLoopbackHost,
  originAllowed,
  readCookie,
  staticFilesAllowed,
  staticFilesCookieValue,
  tokenFrom,
  tokenMatches,
} from '../../../src/main/web/security';

describe('token', () => {
  it('is 32 random bytes in base64url', () => {
    const a = createToken();
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createToken()).not.toBe(a);
  });

  it('matches only the exact token, whatever the length given', () => {
    const token = createToken();
    expect(tokenMatches(token, token)).toBe(true);
    expect(tokenMatches(token, token.slice(0, -1))).toBe(false);
    expect(tokenMatches(token, token + 'x')).toBe(false);
    expect(tokenMatches(token, '')).toBe(false);
    expect(tokenMatches(token, null)).toBe(false);
    expect(tokenMatches(token, undefined)).toBe(false);
  });

  it('is read from bearer, header, subprotocol, then query', () => {
    expect(tokenFrom({ authorization: 'Bearer abc' })).toBe('abc');
    expect(tokenFrom({ tokenHeader: 'h' })).toBe('h');
    expect(tokenFrom({ subprotocols: ['portscope', 'token.xyz'] })).toBe('xyz');
    expect(tokenFrom({ query: 'q' })).toBe('q');
    expect(tokenFrom({ query: '' })).toBeNull();
    expect(tokenFrom({ authorization: 'Basic abc' })).toBeNull();
    expect(readCookie('x=1;  portscope_token_80=t=k', 'portscope_token_80')).toBe('t=k');
  });

  it("opens static files with the token in the query or the page's cookie, which is not the token", () => {
    const token = createToken();
    const cookieValue = staticFilesCookieValue(token);
    expect(cookieValue).not.toContain(token);
    expect(cookieValue).not.toBe(staticFilesCookieValue(createToken()));
    expect(staticFilesAllowed(token, token, undefined, 'c')).toBe(true);
    expect(staticFilesAllowed(token, 'wrong', `c=${cookieValue}`, 'c')).toBe(false); // a wrong query is not rescued by the cookie
    expect(staticFilesAllowed(token, null, `a=1; c=${cookieValue}`, 'c')).toBe(true);
    expect(staticFilesAllowed(token, null, `c=${token}`, 'c')).toBe(false);
    expect(staticFilesAllowed(token, null, `other=${cookieValue}`, 'c')).toBe(false);
    expect(staticFilesAllowed(token, null, undefined, 'c')).toBe(false);
  });
});

describe('loopback and binding', () => {
  it('knows loopback addresses and names', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.5', 'evil.example', 'localhost.evil.example', '::2']) expect(isLoopbackHost(host)).toBe(false);
  });

  it('refuses a non-loopback bind without --host and warns with it', () => {
    expect(checkBindHost('127.0.0.1', false)).toEqual({ ok: true, warning: null });
    expect(checkBindHost('0.0.0.0', false).ok).toBe(false);
    const explicit = checkBindHost('0.0.0.0', true);
    expect(explicit.ok && explicit.warning).toMatch(/WARNING: serving on 0\.0\.0\.0/);
  });
});

describe('Host and Origin (DNS rebinding)', () => {
  const allowed = allowedHosts('127.0.0.1', 4321);

  it('accepts only loopback names on our port', () => {
    for (const host of ['127.0.0.1:4321', 'localhost:4321', '[::1]:4321', 'LOCALHOST:4321']) expect(hostAllowed(host, allowed)).toBe(true);
    for (const host of ['evil.example:4321', '127.0.0.1:4322', '127.0.0.1', 'localhost', '', undefined]) expect(hostAllowed(host, allowed)).toBe(false);
  });

  it('adds the explicit host, and interface addresses for a wildcard bind', () => {
    expect(hostAllowed('192.168.1.5:80', allowedHosts('192.168.1.5', 80))).toBe(true);
    expect(hostAllowed('[fe80::1]:80', allowedHosts('::', 80, ['fe80::1']))).toBe(true);
    expect(hostAllowed('0.0.0.0:80', allowedHosts('0.0.0.0', 80, ['10.0.0.2']))).toBe(false);
    expect(hostAllowed('10.0.0.2:80', allowedHosts('0.0.0.0', 80, ['10.0.0.2']))).toBe(true);
  });

  it('accepts a missing Origin or our own, refuses others', () => {
    expect(originAllowed(undefined, allowed)).toBe(true);
    expect(originAllowed('http://127.0.0.1:4321', allowed)).toBe(true);
    expect(originAllowed('http://localhost:4321', allowed)).toBe(true);
    for (const origin of ['http://evil.example:4321', 'https://127.0.0.1:4321', 'http://127.0.0.1:9999', 'null', 'file://', 'garbage']) {
      expect(originAllowed(origin, allowed)).toBe(false);
    }
  });
});

describe('openerFor', () => {
  it('opens the URL as one argv entry with the platform opener, never through a shell', async () => {
    const { openerFor } = await import('../../../src/main/web/open-browser');
    const url = 'http://127.0.0.1:1/?token=a&b';
    expect(openerFor('linux', url)).toEqual({ tool: 'xdg-open', args: [url] });
    expect(openerFor('darwin', url)).toEqual({ tool: 'open', args: [url] });
    expect(openerFor('win32', url)).toEqual({ tool: 'rundll32', args: ['url.dll,FileProtocolHandler', url] });
    expect(openerFor('freebsd', url).tool).toBe('xdg-open');
  });
});
