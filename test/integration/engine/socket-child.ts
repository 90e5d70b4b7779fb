/**
 * Starts a child node process that opens TCP listeners and UDP sockets on 127.0.0.1 and ::1 plus one
 * TCP connection, and on the line `swap` opens one more listener and closes the ::1 listener.
 * Only loopback traffic. The caller kills it by pid (`stop`).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ChildPorts {
  tcp4: number;
  tcp6: number;
  udp4: number;
  udp6: number;
  /** The client end of the connection to tcp4. */
  client: number;
}

const CHILD_CODE = `
const net = require('node:net'), dgram = require('node:dgram');
const ports = {}, sockets = {};
const tcp = (name, host) => new Promise((ok) => { const s = net.createServer(() => {}).listen(0, host, () => { sockets[name] = s; ports[name] = s.address().port; ok(); }); });
const udp = (name, type, host) => new Promise((ok) => { const s = dgram.createSocket(type); s.bind(0, host, () => { sockets[name] = s; ports[name] = s.address().port; ok(); }); });
(async () => {
  await tcp('tcp4', '127.0.0.1'); await tcp('tcp6', '::1'); await udp('udp4', 'udp4', '127.0.0.1'); await udp('udp6', 'udp6', '::1');
  const c = net.connect(ports.tcp4, '127.0.0.1', () => { ports.client = c.localPort; console.log(JSON.stringify(ports)); });
  require('node:readline').createInterface({ input: process.stdin }).on('line', async (line) => {
    if (line !== 'swap') return;
    await tcp('extra', '127.0.0.1');
    sockets.tcp6.close(() => console.log(JSON.stringify({ extra: ports.extra })));
  });
})();
`;

export class SocketChild {
  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly lines: AsyncIterator<string>,
    readonly ports: ChildPorts,
  ) {}

  get pid(): number {
    return this.child.pid!;
  }

  static async start(): Promise<SocketChild> {
    const child = spawn(process.execPath, ['-e', CHILD_CODE], { stdio: ['pipe', 'pipe', 'pipe'] });
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const first = await lines.next();
    if (first.done) throw new Error('the socket child exited before opening its sockets');
    return new SocketChild(child, lines, JSON.parse(first.value) as ChildPorts);
  }

  /** Open one listener and close the ::1 listener; resolves with the new listener's port. */
  async swap(): Promise<number> {
    this.child.stdin.write('swap\n');
    const line = await this.lines.next();
    if (line.done) throw new Error('the socket child exited');
    return (JSON.parse(line.value) as { extra: number }).extra;
  }

  stop(): void {
    if (this.child.exitCode === null) process.kill(this.child.pid!, 'SIGTERM');
  }
}
