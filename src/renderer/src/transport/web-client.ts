/**
 * PortScopeApi over the `portscope web` server (protocol in src/main/web/server.ts):
 *   POST /api/<method>, JSON body, header X-PortScope-Token → JSON Result
 *   WebSocket /ws with subprotocols ['portscope', 'token.<T>'] → JSON PushEvents
 * Built from the one method table by createApiClient: no per-method code here.
 */
import { createApiClient, type ApiMethod, type PortScopeApi, type PushEvent } from '../../../shared/api';
import { err, type Result } from '../../../shared/result';

export const TOKEN_HEADER = 'X-PortScope-Token';
export const WS_PROTOCOL = 'portscope';

export type TransportStatus = 'connecting' | 'open' | 'closed';

export interface WebClientOptions {
  /** http://host:port of the server; the page's own origin in the browser. */
  origin: string;
  /** null when the page was opened without one: every call then says how to get it. */
  token: string | null;
  fetch?: typeof fetch;
  WebSocket?: typeof WebSocket;
  /** Reconnect backoff bounds (ms). */
  minRetryMs?: number;
  maxRetryMs?: number;
  onStatus?: (status: TransportStatus) => void;
}

const NO_TOKEN = 'This page has no access token: open the full URL printed by `portscope web` (it ends in ?token=…).';

export function createWebClient(options: WebClientOptions): PortScopeApi {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const Socket = options.WebSocket ?? globalThis.WebSocket;
  const { token } = options;

  async function invoke(method: ApiMethod, input: unknown): Promise<Result<unknown>> {
    if (!token) return err('PERMISSION_DENIED', NO_TOKEN);
    let response: Response;
    try {
      response = await doFetch(`${options.origin}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(input ?? {}),
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch {
      return err('FAILED', 'Lost contact with the PortScope server: is `portscope web` still running?');
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return err('FAILED', `The PortScope server answered ${response.status} without a result.`);
    }
    if (isResult(body)) return body;
    return err('FAILED', `The PortScope server answered ${response.status} with something unexpected.`);
  }

  const push = createPushChannel(options, Socket, token);
  return createApiClient(invoke, push.subscribe);
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const candidate = value as { ok: unknown; code?: unknown; message?: unknown };
  return candidate.ok === true || (candidate.ok === false && typeof candidate.code === 'string' && typeof candidate.message === 'string');
}

/**
 * One WebSocket shared by every subscriber, opened on the first subscribe and closed after the last
 * unsubscribe; reconnects with exponential backoff while anyone is subscribed.
 */
function createPushChannel(options: WebClientOptions, Socket: typeof WebSocket, token: string | null): Pick<PortScopeApi, 'subscribe'> {
  const handlers = new Set<(event: PushEvent) => void>();
  const minRetry = options.minRetryMs ?? 500;
  const maxRetry = options.maxRetryMs ?? 10_000;
  let socket: WebSocket | null = null;
  let retryMs = minRetry;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  const wsUrl = `${options.origin.replace(/^http/, 'ws')}/ws`;

  function connect(): void {
    if (!token || socket || handlers.size === 0) return;
    options.onStatus?.('connecting');
    const current = new Socket(wsUrl, [WS_PROTOCOL, `token.${token}`]);
    socket = current;
    current.onopen = () => {
      retryMs = minRetry;
      options.onStatus?.('open');
    };
    current.onmessage = (message: MessageEvent) => {
      if (typeof message.data !== 'string') return;
      let event: PushEvent;
      try {
        event = JSON.parse(message.data) as PushEvent;
      } catch {
        return;
      }
      for (const handler of [...handlers]) handler(event);
    };
    current.onclose = () => {
      if (socket !== current) return;
      socket = null;
      options.onStatus?.('closed');
      if (handlers.size > 0) scheduleReconnect();
    };
  }

  function scheduleReconnect(): void {
    if (retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect();
    }, retryMs);
    retryMs = Math.min(retryMs * 2, maxRetry);
  }

  function disconnect(): void {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    const current = socket;
    socket = null;
    current?.close(1000);
    options.onStatus?.('closed');
  }

  return {
    subscribe(handler) {
      handlers.add(handler);
      connect();
      return () => {
        handlers.delete(handler);
        if (handlers.size === 0) disconnect();
      };
    },
  };
}
