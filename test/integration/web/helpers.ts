/** Raw HTTP (node:http, so Host/Origin can be forged) and WebSocket helpers for the web server tests. */
import { request } from 'node:http';
import WebSocket from 'ws';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function rawRequest(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; host?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: options.host ?? '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export function apiCall(port: number, token: string, method: string, input: unknown): Promise<RawResponse> {
  return rawRequest(port, `/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-PortScope-Token': token },
    body: JSON.stringify(input),
  });
}

/** Open a WebSocket; resolves with the socket once open, or with the HTTP status of a refused upgrade. */
export function openSocket(
  url: string,
  protocols: string[] = [],
  headers: Record<string, string> = {},
): Promise<{ socket: WebSocket } | { refusedStatus: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, protocols, { headers });
    socket.once('open', () => resolve({ socket }));
    socket.once('unexpected-response', (_req, res) => {
      resolve({ refusedStatus: res.statusCode ?? 0 });
      socket.terminate();
    });
    socket.once('error', (error) => reject(error));
  });
}

/** The next message matching `accept`, parsed as JSON. */
export function nextMessage<T>(socket: WebSocket, accept: (value: T) => boolean): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData): void => {
      const value = JSON.parse(data.toString()) as T;
      if (accept(value)) {
        socket.off('message', onMessage);
        resolve(value);
      }
    };
    socket.on('message', onMessage);
  });
}
