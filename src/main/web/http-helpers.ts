/** Small HTTP pieces of the web server: security headers, JSON replies, a size-limited body reader. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { err, type ErrorCode } from '../../shared/result';
import { RENDERER_CSP } from './csp';
import { jsonChunks } from '../../shared/export/json-chunks';
import { firstEvent } from '../lib/first-event';
import { yieldToLoop } from '../lib/time-slices';

/** Sent with every response, whatever it is. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': RENDERER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  // The page URL carries the token and API answers carry live data: never keep either.
  'Cache-Control': 'no-store',
};

export function send(res: ServerResponse, status: number, body: string | Buffer, contentType: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': contentType, 'Content-Length': String(Buffer.byteLength(body)), ...extra });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

/**
 * An API answer, streamed: pieces of ~1000 rows are written as they are serialised, with the socket's
 * backpressure respected, so a 40k-row snapshot starts arriving at once and the event loop (polls,
 * pushes) runs between pieces.
 */
export async function streamJson(res: ServerResponse, status: number, value: unknown): Promise<void> {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
  let pending = '';
  for (const piece of jsonChunks(value)) {
    pending += piece;
    if (pending.length < 64 * 1024) continue;
    const flushed = res.write(pending);
    pending = '';
    if (res.destroyed) return;
    if (!flushed) await firstEvent(res, ['drain', 'close']); // leaves no listener: a 24 MB answer waits hundreds of times
    else await yieldToLoop();
  }
  res.end(pending);
}

/** A transport-level refusal, in the same `{ok:false, code, message}` shape as every API error. */
export function sendError(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  sendJson(res, status, err(code, message));
}

export type BodyResult = { ok: true; body: Buffer } | { ok: false; tooLarge: boolean };

/** Read a request body up to `limit` bytes; beyond that stop reading and report it. */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > limit) {
      resolve({ ok: false, tooLarge: true });
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve({ ok: false, tooLarge: true });
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve({ ok: true, body: Buffer.concat(chunks) });
      done = true;
    });
    req.on('error', () => {
      if (!done) resolve({ ok: false, tooLarge: false });
      done = true;
    });
  });
}
