import { createServer, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { streamJson } from '../../../src/main/web/http-helpers';

describe('streamJson', () => {
  it('streams a large answer through backpressure exactly, leaving no listeners behind', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ id: `tcp|127.0.0.1|${i}`, note: 'x'.repeat(400) }));
    let listeners: { before: number; after: number } | null = null;
    const server = createServer((_req, res: ServerResponse) => {
      const before = res.listenerCount('close') + res.listenerCount('drain');
      void streamJson(res, 200, { ok: true, value: { rows } }).then(() => {
        listeners = { before, after: res.listenerCount('close') + res.listenerCount('drain') };
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const body = await new Promise<string>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: '/' }, (res) => {
          // 8 MB outruns the loopback socket's buffers: the server's writes back up and wait for 'drain'.
          const parts: Buffer[] = [];
          res.on('data', (chunk: Buffer) => parts.push(chunk));
          res.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end();
      });
      expect(body).toBe(JSON.stringify({ ok: true, value: { rows } }));
      await expect.poll(() => listeners).not.toBeNull();
      expect(listeners!.after).toBe(listeners!.before);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
