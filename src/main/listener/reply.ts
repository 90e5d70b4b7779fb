/** What a listener sends back in each reply mode. Pure. */
import type { ReplyMode } from '../../shared/listener';

/** The HTTP 200 page: names PortScope and the port, so the person testing knows they reached it. */
export function httpResponse(port: number, protocol: 'tcp' | 'udp', now: Date = new Date()): Buffer {
  const body =
    `<!doctype html><html><head><meta charset="utf-8"><title>PortScope test listener</title></head>` +
    `<body><h1>PortScope test listener</h1><p>You reached port ${port}/${protocol} at ${now.toISOString()}.</p></body></html>\n`;
  const head = [
    'HTTP/1.1 200 OK',
    'Content-Type: text/html; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    'Server: PortScope',
    '',
    '',
  ].join('\r\n');
  return Buffer.from(head + body, 'utf8');
}

/** The banner as sent: the text plus CRLF unless it already ends a line. */
export function bannerBytes(text: string): Buffer {
  return Buffer.from(/\n$/.test(text) ? text : `${text}\r\n`, 'utf8');
}

/** UDP: the answer to one datagram, or null for silence. */
export function udpReply(mode: ReplyMode, datagram: Buffer, port: number): Buffer | null {
  switch (mode.kind) {
    case 'silent':
      return null;
    case 'echo':
      return datagram;
    case 'http':
      return httpResponse(port, 'udp');
    case 'banner':
      return bannerBytes(mode.text);
  }
}

/** TCP http mode answers once the request head is complete (or is clearly not coming). */
export function httpRequestComplete(received: Buffer): boolean {
  return received.includes('\r\n\r\n') || received.includes('\n\n') || received.length >= 8192;
}

/** Parse the CLI/URL form: silent | echo | http | banner:TEXT. Null when not one of them. */
export function parseReplyMode(text: string): ReplyMode | null {
  if (text === 'silent' || text === 'echo' || text === 'http') return { kind: text };
  if (text.startsWith('banner:')) return { kind: 'banner', text: text.slice('banner:'.length) };
  return null;
}

export function describeReplyMode(mode: ReplyMode): string {
  return mode.kind === 'banner' ? `banner "${mode.text}"` : mode.kind === 'http' ? 'HTTP 200 page' : mode.kind;
}
