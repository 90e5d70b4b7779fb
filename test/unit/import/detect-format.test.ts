import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/main/import/detect-format';
import { decodeOutput } from '../../../src/main/collectors/windows/decode-output';

const decoded = (path: string): string => {
  const result = decodeOutput(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url)));
  if (!result.ok) throw new Error(result.message);
  return result.value.text;
};

const CASES: [string, string][] = [
  ['windows/netstat-ano-en.txt', 'netstat-windows'],
  ['windows/netstat-ano-de-cp850.txt', 'netstat-windows'],
  ['windows/netstat-ano-es-utf16le.txt', 'netstat-windows'],
  ['windows/netstat-anob-en.txt', 'netstat-windows'],
  ['windows/netstat-an-it.txt', 'netstat-windows'],
  ['windows/get-nettcpconnection-ps51.json', 'get-nettcpconnection'],
  ['windows/get-nettcpconnection-ps7.json', 'get-nettcpconnection'],
  ['windows/get-nettcpconnection-single.json', 'get-nettcpconnection'],
  ['windows/get-netconnections-ps51-utf16le.json', 'get-nettcpconnection'],
  ['windows/tasklist-svc.csv', 'tasklist'],
  ['windows/tasklist-svc-es.csv', 'tasklist'],
  ['windows/tasklist-nh.csv', 'tasklist'],
  ['import/ss-tunap.txt', 'ss'],
  ['import/netstat-tunap.txt', 'netstat-linux'],
  ['import/proc-net-tcp-udp6.txt', 'proc-net'],
  ['macos/lsof-F-pcnPtTf.txt', 'lsof'],
  ['macos/lsof-F-pcnPtT.txt', 'lsof'],
  ['macos/netstat-anv-tcp-legacy.txt', 'netstat-macos'],
  ['macos/netstat-anv-tcp-1012.txt', 'netstat-macos'],
  ['macos/netstat-anv-tcp-14.txt', 'netstat-macos'],
  ['macos/netstat-anv-26.txt', 'netstat-macos'],
  ['macos/netstat-anvl-26.txt', 'netstat-macos'],
  ['windows/netstat-anoq-en.txt', 'netstat-windows'],
];

describe('detectFormat', () => {
  it.each(CASES)('%s is %s', (path, format) => {
    expect(detectFormat(decoded(path))).toBe(format);
  });

  it('detects ss output without a header (ss -tunapH)', () => {
    expect(detectFormat(decoded('import/ss-tunap.txt').split('\n').slice(1).join('\n'))).toBe('ss');
  });

  it('returns null for text that is no capture', () => {
    expect(detectFormat('hello world\nthis is a letter\n')).toBeNull();
    expect(detectFormat('')).toBeNull();
    expect(detectFormat('{"name": "package.json"}')).toBeNull();
  });
});
