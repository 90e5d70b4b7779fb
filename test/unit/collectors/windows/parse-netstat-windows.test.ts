import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNetstatWindows, parseWindowsEndpoint } from '../../../../src/main/collectors/windows/parse-netstat-windows';
import { decodeOutput } from '../../../../src/main/collectors/windows/decode-output';
import { mapNetstatStateWord } from '../../../../src/main/collectors/windows/netstat-states';
import iconv from 'iconv-lite';

const fixture = (name: string): Buffer => readFileSync(new URL(`../../../fixtures/windows/${name}`, import.meta.url));
const decoded = (name: string): string => {
  const result = decodeOutput(fixture(name));
  if (!result.ok) throw new Error(result.message);
  return result.value.text;
};

describe('parseNetstatWindows (English -ano)', () => {
  const { rows, unparsed } = parseNetstatWindows(decoded('netstat-ano-en.txt'));

  it('reads every TCP and UDP row and nothing else', () => {
    expect(unparsed).toEqual([]);
    expect(rows).toHaveLength(17);
    expect(rows.filter((r) => r.protocol === 'udp')).toHaveLength(5);
  });

  it('decides LISTEN from the foreign address and keeps listeners remote-less', () => {
    const rpc = rows.find((r) => r.localPort === 135 && r.family === 6)!;
    expect(rpc).toMatchObject({ protocol: 'tcp', localAddress: '::', state: 'LISTEN', remoteAddress: null, remotePort: null });
    expect(rpc.owners).toEqual([{ pid: 1156, processName: null }]);
  });

  it('reads IPv6 zones inside the brackets into localScope/remoteScope', () => {
    const smb = rows.find((r) => r.localPort === 49801)!;
    expect(smb).toMatchObject({
      family: 6,
      localAddress: 'fe80::244e:2f1e:2096:62b2',
      localScope: '9',
      remoteAddress: 'fe80::1c2b:7aff:fe01:2',
      remoteScope: '9',
      remotePort: 445,
      state: 'ESTABLISHED',
    });
    const ssdp = rows.find((r) => r.protocol === 'udp' && r.localPort === 1900 && r.family === 6)!;
    expect(ssdp.localScope).toBe('9');
  });

  it('gives UDP rows state null and no remote', () => {
    for (const row of rows.filter((r) => r.protocol === 'udp')) {
      expect(row.state).toBeNull();
      expect(row.remoteAddress).toBeNull();
    }
  });

  it('gives PID 0 rows (TIME_WAIT) no owner, as on Linux, and names PID 4 System', () => {
    expect(rows.find((r) => r.state === 'TIME_WAIT')!.owners).toEqual([]);
    expect(rows.find((r) => r.localPort === 445 && r.family === 4)!.owners).toEqual([{ pid: 4, processName: 'System' }]);
  });
});

describe('parseNetstatWindows (German, CP850 bytes)', () => {
  it('decodes the OEM code page so ABHÖREN survives', () => {
    const result = decodeOutput(fixture('netstat-ano-de-cp850.txt'));
    expect(result.ok && result.value.encoding).toBe('cp850');
    expect(result.ok && result.value.text).toContain('ABHÖREN');
    expect(result.ok && result.value.text).not.toContain('™');
  });

  it('maps every German state word to the canonical state', () => {
    const { rows, unparsed } = parseNetstatWindows(decoded('netstat-ano-de-cp850.txt'));
    expect(unparsed).toEqual([]);
    const byPort = (port: number): string | null => rows.find((r) => r.localPort === port)!.state;
    expect(byPort(135)).toBe('LISTEN');
    expect(byPort(49712)).toBe('ESTABLISHED');
    expect(byPort(49730)).toBe('TIME_WAIT');
    expect(byPort(49744)).toBe('CLOSE_WAIT');
    expect(byPort(49750)).toBe('SYN_SENT');
    expect(byPort(49751)).toBe('FIN_WAIT_1');
    expect(byPort(49752)).toBe('FIN_WAIT_2');
    expect(byPort(49753)).toBe('CLOSING');
    expect(rows.find((r) => r.localPort === 49800)).toMatchObject({ localScope: '12', state: 'ESTABLISHED' });
  });
});

describe('parseNetstatWindows (UTF-16LE saved by PowerShell 5.1, Spanish)', () => {
  it('detects UTF-16LE with BOM and reads the Spanish states', () => {
    const result = decodeOutput(fixture('netstat-ano-es-utf16le.txt'));
    expect(result.ok && result.value.encoding).toBe('utf16le');
    const { rows, unparsed } = parseNetstatWindows(result.ok ? result.value.text : '');
    expect(unparsed).toEqual([]);
    expect(rows).toHaveLength(7);
    expect(rows.find((r) => r.localPort === 55123)!.state).toBe('ESTABLISHED');
    expect(rows.find((r) => r.localPort === 546)).toMatchObject({ protocol: 'udp', localScope: '5', state: null });
  });

  it('detects UTF-16LE without a BOM by its NUL pattern', () => {
    const withBom = fixture('netstat-ano-es-utf16le.txt');
    const result = decodeOutput(withBom.subarray(2));
    expect(result.ok && result.value.encoding).toBe('utf16le');
    expect(parseNetstatWindows(result.ok ? result.value.text : '').rows).toHaveLength(7);
  });
});

describe('parseNetstatWindows (-an, Italian: two-word state, no PID column)', () => {
  const { rows } = parseNetstatWindows(decoded('netstat-an-it.txt'));
  it('joins "IN ASCOLTO", reads STABILITA, keeps an unknown word as text', () => {
    expect(rows.filter((r) => r.state === 'LISTEN')).toHaveLength(3);
    expect(rows.find((r) => r.localPort === 52011)!.state).toBe('ESTABLISHED');
    expect(rows.find((r) => r.localPort === 52020)!.state).toBe('STATO_SCONOSCIUTO');
  });
  it('has no owners without -o', () => {
    expect(rows.every((r) => r.owners.length === 0)).toBe(true);
  });
});

describe('parseNetstatWindows (-anob)', () => {
  const { rows, unparsed } = parseNetstatWindows(decoded('netstat-anob-en.txt'));
  it('attaches service and [image] lines to the preceding row', () => {
    expect(unparsed).toEqual([]);
    const rpc = rows.find((r) => r.localPort === 135)!;
    expect(rpc.services).toEqual(['RpcSs']);
    expect(rpc.owners).toEqual([{ pid: 1156, processName: 'svchost.exe' }]);
    expect(rows.find((r) => r.localPort === 3389)!.services).toEqual(['TermService']);
    expect(rows.find((r) => r.localPort === 5939)!.owners[0].processName).toBe('TeamViewer_Service.exe');
    expect(rows.find((r) => r.localPort === 5939)!.services).toBeUndefined();
    expect(rows.find((r) => r.protocol === 'udp' && r.localPort === 5353)!.services).toEqual(['Dnscache']);
  });
  it('handles "Can not obtain ownership information" and rows without -b lines', () => {
    expect(rows.find((r) => r.localPort === 445)!.owners).toEqual([{ pid: 4, processName: 'System' }]);
    expect(rows.find((r) => r.localPort === 50433)!.owners).toEqual([]);
    expect(rows).toHaveLength(9);
  });
});

describe('parseNetstatWindows (-anoq: bound sockets)', () => {
  it('keeps BOUND rows BOUND although their foreign address is 0.0.0.0:0 / [::]:0', () => {
    const { rows, unparsed } = parseNetstatWindows(decoded('netstat-anoq-en.txt'));
    expect(unparsed).toEqual([]);
    const state = (port: number): string | null => rows.find((r) => r.localPort === port)!.state;
    expect(state(49743)).toBe('BOUND');
    expect(state(50500)).toBe('BOUND');
    expect(state(49670)).toBe('BOUND');
    expect(state(135)).toBe('LISTEN');
    expect(state(49664)).toBe('LISTEN');
    expect(rows.find((r) => r.localPort === 50500)).toMatchObject({ remoteAddress: null, remotePort: null, owners: [{ pid: 7240, processName: null }] });
    expect(rows.find((r) => r.localPort === 50433)).toMatchObject({ state: 'TIME_WAIT', owners: [] });
  });

  it('keeps German GEBUNDEN rows BOUND (CP850 capture)', () => {
    const { rows, unparsed } = parseNetstatWindows(decoded('netstat-anoq-de-cp850.txt'));
    expect(unparsed).toEqual([]);
    expect(rows.filter((r) => r.state === 'BOUND').map((r) => r.localPort)).toEqual([49743, 49670]);
    expect(rows.filter((r) => r.state === 'LISTEN').map((r) => r.localPort)).toEqual([135, 445]);
    expect(rows.find((r) => r.localPort === 49730)).toMatchObject({ state: 'TIME_WAIT', owners: [] });
  });

  it('still decides LISTEN from the foreign address for a state word it does not know', () => {
    const { rows } = parseNetstatWindows('  TCP    0.0.0.0:135            0.0.0.0:0              NASLOUCHÁNÍ     1156\r\n');
    expect(rows[0].state).toBe('LISTEN');
  });
});

describe('decodeOutput (UTF-8 captures cut mid-character or with a stray byte)', () => {
  const utf8 = Buffer.from(iconv.decode(fixture('netstat-ano-de-cp850.txt'), 'cp850'), 'utf8');
  const lastUmlaut = utf8.lastIndexOf(Buffer.from('Ö', 'utf8'));

  it('decodes a UTF-8 German netstat cut in the middle of "Ö" as UTF-8', () => {
    const cut = utf8.subarray(0, lastUmlaut + 1); // keeps 0xC3, drops 0x96
    const result = decodeOutput(cut);
    expect(result.ok && result.value.encoding).toBe('utf8');
    const text = result.ok ? result.value.text : '';
    expect(text).toContain('ABHÖREN');
    expect(text.endsWith('ABH')).toBe(true);
    expect(parseNetstatWindows(text).rows.filter((r) => r.state === 'LISTEN')).toHaveLength(3);
  });

  it('decodes a UTF-8 capture with one stray invalid byte as UTF-8', () => {
    const middle = utf8.indexOf(Buffer.from('HERGESTELLT'));
    const stray = Buffer.concat([utf8.subarray(0, middle), Buffer.from([0xff]), utf8.subarray(middle)]);
    const result = decodeOutput(stray);
    expect(result.ok && result.value.encoding).toBe('utf8');
    expect(result.ok && result.value.text).toContain('ABHÖREN');
  });

  it('still picks CP850 for OEM bytes, also when they are cut', () => {
    const oem = fixture('netstat-ano-de-cp850.txt');
    const result = decodeOutput(oem.subarray(0, oem.length - 7));
    expect(result.ok && result.value.encoding).toBe('cp850');
  });
});

describe('endpoints and state words', () => {
  it('reads the Windows endpoint forms', () => {
    expect(parseWindowsEndpoint('[fe80::1%9]:1900')).toEqual({ address: 'fe80::1', port: 1900, scope: '9', family: 6 });
    expect(parseWindowsEndpoint('0.0.0.0:0')).toEqual({ address: '0.0.0.0', port: 0, scope: null, family: 4 });
    expect(parseWindowsEndpoint('*:*')).toMatchObject({ address: '*', port: null });
    expect(parseWindowsEndpoint('1.2.3.4:70000')).toBeNull();
    expect(parseWindowsEndpoint('garbage')).toBeNull();
  });
  it('maps the states of several display languages', () => {
    expect(mapNetstatStateWord('ESCUCHANDO')).toBe('LISTEN');
    expect(mapNetstatStateWord('ESTABELECIDA')).toBe('ESTABLISHED');
    expect(mapNetstatStateWord('УСТАНОВЛЕНО')).toBe('ESTABLISHED');
    expect(mapNetstatStateWord('ÉTABLI')).toBe('ESTABLISHED');
    expect(mapNetstatStateWord('in ascolto')).toBe('LISTEN');
    expect(mapNetstatStateWord('Wörterbuch')).toBe('Wörterbuch');
  });
  it('counts a truncated TCP row and never throws on junk', () => {
    const { rows, unparsed } = parseNetstatWindows('  TCP    0.0.0.0:135\n  TCP    10.0.0.1:5    10.0.0.2:6\nUDP\n');
    expect(rows).toEqual([]);
    expect(unparsed).toHaveLength(3);
  });
});
