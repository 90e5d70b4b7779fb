// One load-generator child: listens on `ports` loopback ports and holds `connections` TCP connections to
// them (both ends live here, so every connection is two sockets owned by this pid). Optional churn:
// every second `churn` percent of the connections are reset (no TIME_WAIT left behind, so the socket
// count stays steady) and reopened. Prints one JSON line {"ready":…} on stdout when all are connected,
// {"churned":n} lines while churning; exits cleanly on stdin end, "exit" or SIGTERM.
// Usage: node holder.mjs <connections> <ports> <churnPercentPerSecond>
import net from 'node:net';
import { listenLoopback } from './loopback.mjs';
import { setInterval, setTimeout } from 'node:timers';

const connections = Number(process.argv[2] ?? 500);
const portCount = Math.max(1, Number(process.argv[3] ?? 4));
const churnPercent = Number(process.argv[4] ?? 0);
const BATCH = 256; // connects in flight at once (below the listen backlog)

const servers = [];
const accepted = new Set();
const clients = [];

const listen = () =>
  listenLoopback((socket) => {
    accepted.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => accepted.delete(socket));
  });

function connectOne(port) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

async function openClients(count) {
  const ports = servers.map((s) => s.address().port);
  for (let done = 0; done < count; done += BATCH) {
    const batch = [];
    for (let i = done; i < Math.min(count, done + BATCH); i++) batch.push(connectOne(ports[i % ports.length]));
    for (const socket of await Promise.all(batch)) {
      socket.on('error', () => undefined);
      clients.push(socket);
    }
  }
}

function shutdown() {
  for (const socket of clients) socket.resetAndDestroy(); // RST: leaves no TIME_WAIT behind
  for (const socket of accepted) socket.destroy();
  for (const server of servers) server.close();
  process.exit(0);
}

process.on('SIGTERM', shutdown);
process.stdin.on('data', (chunk) => {
  if (String(chunk).includes('exit')) shutdown();
});
process.stdin.on('end', shutdown);

try {
  for (let i = 0; i < portCount; i++) servers.push(await listen());
  await openClients(connections);
  // a connected client's peer may still sit in the accept queue (no fd, no owner yet): wait for accept()
  while (accepted.size < clients.length) await new Promise((resolve) => setTimeout(resolve, 10));
} catch (error) {
  process.stdout.write(JSON.stringify({ error: String(error?.message ?? error) }) + '\n');
  process.exit(1);
}
process.stdout.write(JSON.stringify({ ready: { pid: process.pid, ports: servers.map((s) => s.address().port), connections: clients.length } }) + '\n');

if (churnPercent > 0) {
  let busy = false;
  setInterval(async () => {
    if (busy) return; // a slow reopen never overlaps the next round
    busy = true;
    const count = Math.max(1, Math.round((clients.length * churnPercent) / 100));
    for (let i = 0; i < count; i++) {
      const index = Math.floor(Math.random() * clients.length);
      clients[index].resetAndDestroy(); // RST: no TIME_WAIT, the peer end closes too
      clients.splice(index, 1);
    }
    try {
      await openClients(count);
      process.stdout.write(JSON.stringify({ churned: count }) + '\n');
    } catch {
      // a failed reconnect is retried next round
    } finally {
      busy = false;
    }
  }, 1000);
}
