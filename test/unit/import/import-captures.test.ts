import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importCaptures, type CaptureFile } from '../../../src/main/import/import-captures';
import { IMPORT_FORMATS, parseAs } from '../../../src/main/import/formats';

const file = (path: string): CaptureFile => ({ name: path, bytes: readFileSync(new URL(`../../fixtures/${path}`, import.meta.url)) });

describe('importCaptures', () => {
  it('joins a tasklist capture to netstat rows by pid (image name, services)', () => {
    const result = importCaptures([file('windows/netstat-ano-en.txt'), file('windows/tasklist-svc.csv')]);
    if (!result.ok) throw new Error(result.message);
    const rpc = result.value.rows.find((r) => r.localPort === 135 && r.family === 4)!;
    expect(rpc).toMatchObject({ pid: 1156, processName: 'svchost.exe', services: ['RpcEptMapper', 'RpcSs'], state: 'LISTEN', meaning: null });
    expect(result.value.rows.find((r) => r.localPort === 50432)).toMatchObject({ processName: 'Code.exe', services: [] });
    expect(result.value.rows.find((r) => r.localPort === 445 && r.family === 4)!.processName).toBe('System');
    expect(result.value.files.map((f) => f.format)).toEqual(['netstat-windows', 'tasklist']);
  });

  it('joins tasklist to PowerShell JSON too, and keeps socketCreated', () => {
    const result = importCaptures([file('windows/tasklist-svc.csv'), file('windows/get-nettcpconnection-ps51.json')]);
    if (!result.ok) throw new Error(result.message);
    const rpc = result.value.rows.find((r) => r.localPort === 135)!;
    expect(rpc).toMatchObject({ processName: 'svchost.exe', socketCreated: '2023-02-24T08:37:09.985Z' });
  });

  it('reads several files of different formats at once', () => {
    const result = importCaptures([file('import/ss-tunap.txt'), file('macos/netstat-anv-26.txt'), file('windows/netstat-ano-de-cp850.txt')]);
    if (!result.ok) throw new Error(result.message);
    expect(result.value.files.map((f) => [f.format, f.encoding])).toEqual([
      ['ss', 'utf8'],
      ['netstat-macos', 'utf8'],
      ['netstat-windows', 'cp850'],
    ]);
    expect(result.value.rows).toHaveLength(4 + 7 + 13);
    const nginx = result.value.rows.find((r) => r.localPort === 80)!;
    expect(nginx.owners.map((o) => o.pid).sort()).toEqual([1200, 1201]);
  });

  it('reads proc-net sections with their protocols', () => {
    const result = importCaptures([file('import/proc-net-tcp-udp6.txt')]);
    if (!result.ok) throw new Error(result.message);
    expect(result.value.rows.map((r) => `${r.protocol}${r.family}:${r.localPort}`).sort()).toEqual(['tcp4:22', 'tcp4:53', 'tcp4:631', 'udp6:631']);
  });

  it('rejects an unknown format name, undetectable text and an unknown encoding', () => {
    const bad = importCaptures([file('import/ss-tunap.txt')], { format: 'bogus' });
    expect(bad.ok || bad.message).toMatch(/unknown format "bogus".*netstat-windows.*netstat-macos/);
    const unknown = importCaptures([{ name: 'letter.txt', bytes: Buffer.from('Dear Sir,\nhello\n') }]);
    expect(unknown.ok || unknown.message).toMatch(/cannot tell the format of letter\.txt: give --format/);
    const encoding = importCaptures([file('import/ss-tunap.txt')], { encoding: 'klingon' });
    expect(encoding.ok || encoding.code).toBe('BAD_INPUT');
  });

  it('honours a forced format and encoding', () => {
    const forced = importCaptures([file('windows/netstat-ano-de-cp850.txt')], { format: 'netstat-windows', encoding: 'windows-1252' });
    if (!forced.ok) throw new Error(forced.message);
    // decoded the wrong way (ABHÖREN becomes ABH™REN), listeners are still found from the foreign address
    expect(forced.value.files[0].encoding).toBe('windows-1252');
    expect(forced.value.rows.filter((r) => r.state === 'LISTEN')).toHaveLength(3);
    const tcpOnly = importCaptures([file('windows/netstat-ano-de-cp850.txt')], { format: 'tasklist' });
    expect(tcpOnly.ok && tcpOnly.value.rows).toEqual([]);
  });
});

/** A small deterministic generator, so a failure can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe('bad input never throws', () => {
  const fixtures = [
    'windows/netstat-ano-en.txt',
    'windows/netstat-anob-en.txt',
    'windows/get-nettcpconnection-ps51.json',
    'windows/tasklist-svc.csv',
    'import/ss-tunap.txt',
    'import/netstat-tunap.txt',
    'import/proc-net-tcp-udp6.txt',
    'macos/lsof-F-pcnPtTf.txt',
    'macos/netstat-anv-26.txt',
  ];

  it('random bytes in every format', () => {
    const next = prng(42);
    for (let round = 0; round < 60; round++) {
      const bytes = Buffer.from(Array.from({ length: Math.floor(next() * 3000) }, () => Math.floor(next() * 256)));
      const text = bytes.toString('latin1');
      for (const format of IMPORT_FORMATS) expect(() => parseAs(format, text)).not.toThrow();
      expect(() => importCaptures([{ name: 'random', bytes }])).not.toThrow();
    }
  });

  it('truncated captures: rows stay well-formed, the cut line is counted or dropped', () => {
    const next = prng(7);
    for (const path of fixtures) {
      const whole = readFileSync(new URL(`../../fixtures/${path}`, import.meta.url));
      for (let round = 0; round < 25; round++) {
        const cut = whole.subarray(0, Math.floor(next() * whole.length));
        const result = importCaptures([{ name: path, bytes: cut }], { format: 'auto' });
        if (!result.ok) continue; // too short to detect: an error result, not a throw
        for (const row of result.value.rows) {
          expect(row.localPort).toBeGreaterThanOrEqual(0);
          expect(row.localPort).toBeLessThanOrEqual(65535);
          expect(['tcp', 'udp']).toContain(row.protocol);
        }
      }
    }
  });
});
