import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/index';
import { memoryIo } from '../../helpers/cli-io';
import { freePort, tcpExchange, udpExchange } from './helpers';

/** Resolve once `read()` contains `text` (the CLI prints as things happen). */
async function waitForText(read: () => string, text: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!read().includes(text)) {
    if (Date.now() > deadline) throw new Error(`"${text}" did not appear; got:\n${read()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('portscope probe', () => {
  it('exits 0 and prints "open" for a listening TCP port on 127.0.0.1', async () => {
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as net.AddressInfo;
    const io = memoryIo();
    expect(await runCli(['probe', `127.0.0.1:${port}`], io)).toBe(0);
    expect(io.stdout()).toMatch(new RegExp(`^open: 127\\.0\\.0\\.1:${port}/tcp accepted the connection \\(\\d+ ms\\)\\n$`));
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('exits 1 and prints "refused" for a closed port on [::1]', async () => {
    const port = await freePort('tcp', '::1');
    const io = memoryIo();
    expect(await runCli(['probe', `[::1]:${port}`], io)).toBe(1);
    expect(io.stdout()).toContain(`refused: [::1]:${port}/tcp refused the connection`);
  });

  it('UDP: exits 1 with "refused" on a closed port (ICMP unreachable)', async () => {
    const port = await freePort('udp', '127.0.0.1');
    const io = memoryIo();
    expect(await runCli(['probe', `127.0.0.1:${port}`, '--udp', '--timeout', '2000'], io)).toBe(1);
    expect(io.stdout()).toMatch(/^(refused|open\|filtered): /);
  });

  it.each([[['probe', '::1:80']], [['probe', '127.0.0.1:0']], [['probe', '127.0.0.1:80', '--timeout', 'soon']], [['probe']]])('bad input %j exits 2', async (argv) => {
    const io = memoryIo();
    expect(await runCli(argv, io)).toBe(2);
    expect(io.stderr()).toMatch(/^portscope: /);
  });
});

describe('portscope listen', () => {
  it('prints the client commands, each TCP peer as it arrives, and stops on the timeout', async () => {
    const port = await freePort('tcp', '127.0.0.1');
    const io = memoryIo();
    const running = runCli(['listen', String(port), '--host', '127.0.0.1', '--reply', 'echo', '--timeout', '2'], io);
    await waitForText(io.stdout, 'From the other machine:');
    expect(io.stdout()).toContain(`curl -v http://127.0.0.1:${port}/`);
    expect(io.stdout()).toContain(`Test-NetConnection -ComputerName 127.0.0.1 -Port ${port}`);
    const { received, localPort } = await tcpExchange('127.0.0.1', port, 'hello portscope');
    expect(received.toString()).toBe('hello portscope');
    await waitForText(io.stdout, `127.0.0.1:${localPort}`);
    expect(await running).toBe(0);
    const out = io.stdout();
    // The first bytes as text and as hex (issue #5: text and hex in the log).
    expect(out).toContain(`127.0.0.1:${localPort}  in 15 B, out 15 B  "hello portscope"  hex 68 65 6c 6c 6f 20 70 6f 72 74 73 63 6f 70 65\n`);
    expect(out).toContain('Listener stopped (the 2 s timeout passed); 1 peer seen.');
  });

  it('UDP on ::1: prints each datagram, and Ctrl-C (SIGINT) stops it cleanly', async () => {
    const port = await freePort('udp', '::1');
    const io = memoryIo();
    const running = runCli(['listen', String(port), '--udp', '--host', '::1', '--reply', 'banner:hi there'], io);
    await waitForText(io.stdout, 'From the other machine:');
    expect(io.stdout()).toContain(`nc -u -w 2 ::1 ${port}`);
    const { answer, localPort } = await udpExchange('::1', port, 'ping', 5000);
    expect(answer?.toString()).toBe('hi there\r\n');
    await waitForText(io.stdout, `[::1]:${localPort}  in 4 B, out 10 B  "ping"  hex 70 69 6e 67\n`);
    process.emit('SIGINT');
    expect(await running).toBe(0);
    expect(io.stdout()).toContain('Listener stopped (stopped)');
  });

  it('a busy port exits 1 with the explanation on stderr', async () => {
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as net.AddressInfo;
    const io = memoryIo();
    expect(await runCli(['listen', String(port), '--host', '127.0.0.1', '--timeout', '1'], io)).toBe(1);
    expect(io.stderr()).toMatch(new RegExp(`^portscope: cannot listen on ${port}/tcp: Port ${port}/tcp is already in use`));
    expect(io.stderr()).toMatch(/is free right now/);
    await new Promise<void>((r) => server.close(() => r()));
  });

  it.each([
    [['listen']],
    [['listen', '70000']],
    [['listen', '8080', '--reply', 'loud']],
    [['listen', '8080', '--host', 'example.com']],
    [['listen', '8080', '--timeout', '0']],
    [['listen', '8080', '--bogus']],
  ])('bad input %j exits 2', async (argv) => {
    const io = memoryIo();
    expect(await runCli(argv, io)).toBe(2);
    expect(io.stderr()).toMatch(/^portscope: /);
  });
});
