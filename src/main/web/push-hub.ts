/**
 * WebSocket clients and the service's push events: one service subscription fans out to every client.
 * The poller runs only while someone watches: a client connecting makes the engine live (and, the first
 * time, sets the default interval when the service was created paused, as the CLI does; `expectClient`
 * does that and starts the first poll before a page comes); the last one leaving stops it without
 * forgetting the interval the UI chose.
 */
import type { WebSocket } from 'ws';
import type { PushEvent } from '../../shared/api';
import type { PortScopeService } from '../service/index';

export interface PushHub {
  /**
   * A page is about to connect (the server just started and a browser opens its URL): choose the default
   * interval as a client would, and start the engine's first poll while the page loads.
   */
  expectClient(): void;
  add(socket: WebSocket): void;
  clientCount(): number;
  close(): void;
}

/** Ping period: a client that misses one pong (sleeping laptop, killed tab) is dropped. */
const HEARTBEAT_MS = 30_000;

export function createPushHub(service: PortScopeService, defaultIntervalMs: number): PushHub {
  const clients = new Set<WebSocket>();
  const alive = new WeakSet<WebSocket>();
  const heartbeat = setInterval(() => {
    for (const socket of clients) {
      if (!alive.has(socket)) {
        socket.terminate();
        continue;
      }
      alive.delete(socket);
      socket.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let intervalChosen = false;
  const broadcast = (event: PushEvent): void => {
    if (event.type === 'poll-interval') intervalChosen = true;
    const text = JSON.stringify(event);
    for (const socket of clients) if (socket.readyState === socket.OPEN) socket.send(text);
  };
  const unsubscribe = service.subscribe(broadcast);

  const chooseInterval = (): void => {
    if (!intervalChosen && service.engine.intervalMs() === 0) service.engine.setInterval(defaultIntervalMs);
    intervalChosen = true;
  };
  const startPolling = (): void => {
    chooseInterval();
    // Live again after a reconnect: the next diff's fromSeq tells the page it missed some and must re-pull.
    service.engine.current().catch(() => undefined);
  };

  return {
    expectClient() {
      chooseInterval();
      service.engine.collectAhead();
    },
    add(socket) {
      clients.add(socket);
      alive.add(socket);
      socket.on('pong', () => alive.add(socket));
      if (clients.size === 1) startPolling();
      socket.on('close', () => {
        clients.delete(socket);
        if (clients.size === 0) service.engine.stop();
      });
      // Clients only listen; anything they send is ignored (the API goes over HTTP).
      socket.on('message', () => undefined);
      socket.on('error', () => socket.terminate());
    },
    clientCount: () => clients.size,
    close() {
      clearInterval(heartbeat);
      unsubscribe();
      for (const socket of clients) socket.close(1001, 'server shutting down');
      clients.clear();
      service.engine.stop();
    },
  };
}
