/**
 * WebSocket clients and the service's push events: one service subscription fans out to every client.
 * The poller runs only while someone watches: it starts with the first client and pauses after the
 * last one leaves, remembering the interval the UI chose.
 */
import type { WebSocket } from 'ws';
import type { PushEvent } from '../../shared/api';
import type { PortScopeService } from '../service/index';

export interface PushHub {
  add(socket: WebSocket): void;
  clientCount(): number;
  close(): void;
}

export function createPushHub(service: PortScopeService, defaultIntervalMs: number): PushHub {
  const clients = new Set<WebSocket>();
  let remembered = defaultIntervalMs;
  const broadcast = (event: PushEvent): void => {
    const text = JSON.stringify(event);
    for (const socket of clients) if (socket.readyState === socket.OPEN) socket.send(text);
  };
  const unsubscribe = service.subscribe(broadcast);

  return {
    add(socket) {
      clients.add(socket);
      if (clients.size === 1) service.engine.setInterval(remembered);
      socket.on('close', () => {
        clients.delete(socket);
        if (clients.size === 0) {
          remembered = service.engine.intervalMs();
          service.engine.setInterval(0);
        }
      });
      // Clients only listen; anything they send is ignored (the API goes over HTTP).
      socket.on('message', () => undefined);
      socket.on('error', () => socket.terminate());
    },
    clientCount: () => clients.size,
    close() {
      unsubscribe();
      for (const socket of clients) socket.close(1001, 'server shutting down');
      clients.clear();
      service.engine.setInterval(0);
    },
  };
}
