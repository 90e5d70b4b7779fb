// Leaves N loopback sockets in TIME_WAIT (Linux keeps them 60 s): opens N connections to listeners on
// 127.0.0.1 and closes each from the client side first, so the client end waits out TIME_WAIT. The
// listeners are spread so each (address, port) pair needs fewer client ports than the ephemeral range
// holds. Prints one JSON line {"closed":n,"ms":t} and exits; what it leaves behind belongs to no process.
// Usage: node time-wait.mjs <count>
import net from 'node:net';
import { listenLoopback } from './loopback.mjs';
import { performance } from 'node:perf_hooks';

const count = Number(process.argv[2] ?? 1000);
if (!Number.isInteger(count) || count < 1) {
  process.stderr.write(`time-wait.mjs: give a count of connections (a whole number above 0), not ${JSON.stringify(process.argv[2])}\n`);
  process.exit(2);
}
const PER_PORT = 20_000; // below the default ephemeral range (28,232 ports)
const BATCH = 200; // connections in flight at once

const listen = () =>
  listenLoopback((socket) => {
    socket.on('error', () => undefined);
    socket.on('end', () => socket.end()); // the client's FIN first: the server end closes without TIME_WAIT
  });

function openAndClose(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' }, () => socket.end());
    socket.on('error', () => resolve(false));
    socket.on('close', (hadError) => resolve(!hadError));
  });
}

const started = performance.now();
const servers = await Promise.all(Array.from({ length: Math.max(1, Math.ceil(count / PER_PORT)) }, listen));
const ports = servers.map((server) => server.address().port);
let closed = 0;
for (let done = 0; done < count; done += BATCH) {
  const batch = [];
  for (let i = done; i < Math.min(count, done + BATCH); i++) batch.push(openAndClose(ports[i % ports.length]));
  closed += (await Promise.all(batch)).filter(Boolean).length;
}
for (const server of servers) server.close();
process.stdout.write(`${JSON.stringify({ closed, ms: Math.round(performance.now() - started) })}\n`);
