import { describe, expect, it } from 'vitest';
import { appendFirstBytes, bytesAsHex, bytesAsText } from '../../../src/main/listener/first-bytes';
import { bannerBytes, httpRequestComplete, httpResponse, parseReplyMode, udpReply } from '../../../src/main/listener/reply';
import { normalizeBindHost, plainPeerAddress } from '../../../src/main/listener/listener-manager';
import { parseHostPort } from '../../../src/main/cli/commands/probe';
import { UsageError } from '../../../src/main/cli/command';

describe('first bytes', () => {
  it('shows printable text, escapes line ends, dots the rest; hex is spaced pairs', () => {
    const bytes = Buffer.from([0x47, 0x45, 0x54, 0x0d, 0x0a, 0x00, 0xff]);
    expect(bytesAsText(bytes)).toBe('GET\\r\\n..');
    expect(bytesAsHex(bytes)).toBe('47 45 54 0d 0a 00 ff');
  });
  it('keeps at most the cap across chunks', () => {
    const kept = appendFirstBytes(appendFirstBytes(Buffer.alloc(0), Buffer.from('abcdef'), 4), Buffer.from('gh'), 4);
    expect(kept.toString()).toBe('abcd');
  });
});

describe('replies', () => {
  it('the HTTP page is a complete 200 response naming PortScope and the port', () => {
    const text = httpResponse(8080, 'tcp').toString();
    expect(text.startsWith('HTTP/1.1 200 OK\r\n')).toBe(true);
    expect(text).toContain('PortScope');
    expect(text).toContain('8080/tcp');
    const [head, body] = text.split('\r\n\r\n');
    expect(head).toContain(`Content-Length: ${Buffer.byteLength(body ?? '')}`);
  });
  it('banner gets a line end unless it has one', () => {
    expect(bannerBytes('hi').toString()).toBe('hi\r\n');
    expect(bannerBytes('hi\n').toString()).toBe('hi\n');
  });
  it('UDP: silent answers nothing, echo the datagram', () => {
    expect(udpReply({ kind: 'silent' }, Buffer.from('x'), 1)).toBeNull();
    expect(udpReply({ kind: 'echo' }, Buffer.from('x'), 1)?.toString()).toBe('x');
  });
  it('an HTTP request is complete at the blank line', () => {
    expect(httpRequestComplete(Buffer.from('GET / HTTP/1.1\r\nHost: a\r\n'))).toBe(false);
    expect(httpRequestComplete(Buffer.from('GET / HTTP/1.1\r\nHost: a\r\n\r\n'))).toBe(true);
  });
  it('parses reply modes and rejects others', () => {
    expect(parseReplyMode('banner:SSH-2.0-test')).toEqual({ kind: 'banner', text: 'SSH-2.0-test' });
    expect(parseReplyMode('echo')).toEqual({ kind: 'echo' });
    expect(parseReplyMode('loud')).toBeNull();
  });
});

describe('addresses', () => {
  it('bind host: IP literals with or without brackets; default all; names refused', () => {
    expect(normalizeBindHost(undefined)).toBe('::');
    expect(normalizeBindHost('[::1]')).toBe('::1');
    expect(normalizeBindHost('127.0.0.1')).toBe('127.0.0.1');
    expect(normalizeBindHost('localhost')).toBeNull();
  });
  it('IPv4-mapped peers are shown as plain IPv4', () => {
    expect(plainPeerAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(plainPeerAddress('::1')).toBe('::1');
  });
  it('probe target: host:port and [v6]:port; a bare IPv6 is refused', () => {
    expect(parseHostPort('127.0.0.1:80')).toEqual({ host: '127.0.0.1', port: 80 });
    expect(parseHostPort('[::1]:8080')).toEqual({ host: '::1', port: 8080 });
    expect(parseHostPort('example.com:443')).toEqual({ host: 'example.com', port: 443 });
    expect(() => parseHostPort('::1:80')).toThrow(UsageError);
    expect(() => parseHostPort('host:0')).toThrow(UsageError);
    expect(() => parseHostPort('host')).toThrow(UsageError);
    // Already bracketed: the advice is about the port, not the brackets.
    for (const text of ['[::1]', '[::1]:80:9', '[::1]8080']) expect(() => parseHostPort(text)).toThrow(/give the port after the bracket/);
    expect(() => parseHostPort('::1:80')).toThrow(/put an IPv6 address in brackets/);
  });
});
