/**
 * `portscope web`: the renderer and PortScopeApi over loopback HTTP + WebSocket.
 *
 * Protocol (the web client in src/renderer/src/transport/web-client.ts speaks it):
 *   GET  /?token=T           the page (also sets a per-port, HttpOnly, SameSite=Strict cookie so the page's
 *                            own scripts/styles load and a reload works; it holds a secret derived from the
 *                            token that opens static files only, since other ports of the host see it too)
 *   GET  /assets/…           built renderer files; that cookie or ?token=
 *   POST /api/<method>       JSON body = the method's input; answer = JSON Result ({ok,value}|{ok:false,code,message})
 *                            token in `X-PortScope-Token: T` or `Authorization: Bearer T` (never a cookie)
 *                            status 200 for every dispatched call (errors inside the Result); transport refusals:
 *                            401 token, 403 Host/Origin, 404 unknown method, 405 not POST, 415 not JSON,
 *                            413 body over 1 MiB, 400 bad JSON — each with a JSON Err body
 *   GET  /ws (upgrade)       PushEvents as JSON text frames; token as subprotocol `token.T` next to
 *                            `portscope` (the server selects `portscope`, never echoing the token), or the
 *                            headers above, or ?token=T; refused upgrades get 401/403/404 and no socket
 * Every request: Host must be 127.0.0.1/localhost/[::1]:PORT (or the explicit --host), Origin when
 * present must be http://<one of those>; otherwise 403 before anything else happens.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { networkInterfaces } from 'node:os';
import type { Duplex } from 'node:stream';
import { err, ok, type Result } from '../../shared/result';
import { createService, isApiMethod, type PortScopeService } from '../service/index';
import { send, sendError, streamJson, readBody } from './http-helpers';
import { createPushHub } from './push-hub';
import {
  TOKEN_HEADER,
  WS_PROTOCOL,
  allowedHosts,
  bareHost,
  createToken,
  hostAllowed,
  hostForUrl,
  checkBindHost,
  isWildcardHost,
  originAllowed,
  staticFilesAllowed,
  staticFilesCookieValue,
  tokenCookieName,
  tokenFrom,
  tokenMatches,
} from './security';
import { contentTypeOf, findRendererDir, readStaticFile, resolveStaticPath } from './static-files';

export interface WebServerOptions {
  /** Address to bind; default 127.0.0.1. */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The user gave --host: required to bind anything but loopback. */
  explicitHost?: boolean;
  /** Use this service (the CLI's); otherwise one is created and disposed with the server. */
  service?: PortScopeService;
  /** Built renderer folder; default out/renderer (found next to the bundle or the repository). */
  rendererDir?: string | null;
  /** Fixed token (tests); default 32 random bytes. */
  token?: string;
  /** Poll interval chosen when the first WebSocket client connects (at start with `collectAhead`); default 2000 ms. */
  pollIntervalMs?: number;
  /**
   * A browser opens the URL next (`portscope web`): start the engine's first poll now, with the default
   * interval, so it runs while the page loads and the page's first `list` can answer with it.
   */
  collectAhead?: boolean;
  /** Largest accepted API body; default 1 MiB. */
  maxBodyBytes?: number;
  /** Where warnings go (non-loopback bind); default stderr. */
  warn?: (text: string) => void;
}

export interface WebServer {
  /** The URL to open, token included: http://127.0.0.1:PORT/?token=… */
  url: string;
  origin: string;
  host: string;
  port: number;
  token: string;
  service: PortScopeService;
  close(): Promise<void>;
}

const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_MAX_BODY = 1024 * 1024;
const NO_TOKEN_PAGE =
  'PortScope: this page needs its access token. Open the full URL printed by `portscope web` (it ends in ?token=…).\n';

export async function startWebServer(options: WebServerOptions = {}): Promise<Result<WebServer>> {
  const host = options.host ?? DEFAULT_HOST;
  const warn = options.warn ?? ((text: string) => void process.stderr.write(text));
  const bind = checkBindHost(host, options.explicitHost ?? false);
  if (!bind.ok) return err('REFUSED', bind.message);
  if (bind.warning) warn(bind.warning);
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) return err('BAD_INPUT', `port ${port} is out of range: give 0 (any free port) to 65535`);

  const token = options.token ?? createToken();
  const service = options.service ?? createService({ pollIntervalMs: 0 });
  const ownsService = options.service === undefined;
  const rendererDir = options.rendererDir === undefined ? findRendererDir() : options.rendererDir;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const hub = createPushHub(service, options.pollIntervalMs ?? 2000);
  const { WebSocketServer } = await import('ws'); // loaded on demand: the other CLI commands start faster
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 64 * 1024,
    // Select the plain protocol name; never echo the token back.
    handleProtocols: (protocols) => (protocols.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
  });
  // Known once listening (port 0 resolves then); every request arrives after that.
  let gate = { allowed: new Set<string>(), cookie: '' };

  const server: Server = createServer((req, res) => {
    handleRequest(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, 'FAILED', `internal error: ${error instanceof Error ? error.message : String(error)}`);
      else res.destroy();
    });
  });

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refusal = originRefusal(req);
    if (refusal) return sendError(res, 403, 'REFUSED', refusal);
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url.pathname.slice('/api/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'BAD_INPUT', `${req.method} is not allowed here`);
    return handleStatic(req, res, url);
  }

  function originRefusal(req: IncomingMessage): string | null {
    if (!hostAllowed(req.headers.host, gate.allowed)) return `Host "${req.headers.host ?? ''}" is not this server: open the URL printed by portscope web`;
    if (!originAllowed(req.headers.origin, gate.allowed)) return `requests from origin "${req.headers.origin}" are not allowed`;
    return null;
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    const given = tokenFrom({ authorization: req.headers.authorization, tokenHeader: header(req, TOKEN_HEADER) });
    if (!tokenMatches(token, given)) return sendError(res, 401, 'PERMISSION_DENIED', `missing or wrong token: send it in the ${TOKEN_HEADER} header`);
    if (req.method !== 'POST') return sendError(res, 405, 'BAD_INPUT', `use POST for /api/${method}`);
    if (!isApiMethod(method)) return sendError(res, 404, 'NOT_FOUND', `unknown API method "${method}"`);
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      return sendError(res, 415, 'BAD_INPUT', 'send the input as Content-Type: application/json');
    }
    const body = await readBody(req, maxBody);
    if (!body.ok) {
      if (body.tooLarge) return sendError(res, 413, 'BAD_INPUT', `request body over ${maxBody} bytes`);
      return sendError(res, 400, 'BAD_INPUT', 'could not read the request body');
    }
    let input: unknown = {};
    if (body.body.length > 0) {
      try {
        input = JSON.parse(body.body.toString('utf8'));
      } catch {
        return sendError(res, 400, 'BAD_INPUT', 'the request body is not valid JSON');
      }
    }
    await streamJson(res, 200, await service.dispatch(method, input));
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const fromQuery = url.searchParams.get('token');
    if (!staticFilesAllowed(token, fromQuery, req.headers.cookie, gate.cookie)) return send(res, 401, NO_TOKEN_PAGE, 'text/plain; charset=utf-8');
    if (!rendererDir) {
      return send(res, 503, 'PortScope: the UI is not built. Run `npm run build` in the PortScope folder, then start `portscope web` again.\n', 'text/plain; charset=utf-8');
    }
    const file = resolveStaticPath(rendererDir, url.pathname);
    if (!file) return send(res, 400, 'PortScope: bad path.\n', 'text/plain; charset=utf-8');
    const content = await readStaticFile(file);
    // Browsers ask for /favicon.ico on their own; an empty answer keeps the console clean.
    if (!content && url.pathname === '/favicon.ico') return send(res, 204, '', 'image/x-icon');
    if (!content) return send(res, 404, 'PortScope: not found.\n', 'text/plain; charset=utf-8');
    const extra: Record<string, string> = {};
    if (fromQuery !== null) {
      extra['Set-Cookie'] = `${gate.cookie}=${staticFilesCookieValue(token)}; Path=/; HttpOnly; SameSite=Strict`;
    }
    send(res, 200, content, contentTypeOf(file), extra);
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refuse = (status: string): void => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      socket.destroy();
    };
    if (originRefusal(req)) return refuse('403 Forbidden');
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/ws') return refuse('404 Not Found');
    const subprotocols = (header(req, 'sec-websocket-protocol') ?? '').split(',').map((p) => p.trim()).filter(Boolean);
    const given = tokenFrom({ authorization: req.headers.authorization, tokenHeader: header(req, TOKEN_HEADER), subprotocols, query: url.searchParams.get('token') });
    if (!tokenMatches(token, given)) return refuse('401 Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => hub.add(ws));
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  // A local UI needs few connections and quick requests; this bounds what a stuck or hostile client holds.
  server.maxConnections = 256;
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  const listening = await new Promise<Result<number>>((resolve) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const why = error.code === 'EADDRINUSE' ? `port ${port} is in use: pick another --port or 0 for any free port` : error.message;
      resolve(err(error.code === 'EADDRINUSE' ? 'REFUSED' : 'FAILED', `cannot listen on ${host}:${port}: ${why}`));
    });
    server.listen(port, bareHost(host), () => {
      const address = server.address();
      resolve(ok(typeof address === 'object' && address ? address.port : port));
    });
  });
  if (!listening.ok) {
    hub.close();
    if (ownsService) await service.dispose();
    return listening;
  }
  const boundPort = listening.value;
  const interfaceAddresses = Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address));
  gate = { allowed: allowedHosts(host, boundPort, interfaceAddresses), cookie: tokenCookieName(boundPort) };
  const urlHost = isWildcardHost(host) ? DEFAULT_HOST : hostForUrl(host);
  const origin = `http://${urlHost}:${boundPort}`;
  if (options.collectAhead) hub.expectClient();

  let closing: Promise<void> | null = null;
  return ok({
    url: `${origin}/?token=${token}`,
    origin,
    host,
    port: boundPort,
    token,
    service,
    close: () =>
      (closing ??= (async () => {
        hub.close();
        for (const client of wss.clients) client.terminate();
        await new Promise<void>((resolve) => wss.close(() => resolve()));
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        if (ownsService) await service.dispose();
      })()),
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
