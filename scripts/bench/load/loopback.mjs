// Shared by the load scripts (holder.mjs, time-wait.mjs): a listener on a free port of 127.0.0.1 only.
import net from 'node:net';

/** Listen on 127.0.0.1, any free port, with a backlog deep enough for batches of a few hundred connects. */
export function listenLoopback(onConnection) {
  return new Promise((resolve, reject) => {
    const server = net.createServer(onConnection);
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => resolve(server));
  });
}
