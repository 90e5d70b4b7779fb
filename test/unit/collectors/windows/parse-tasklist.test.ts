import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseServices, parseTasklistCsv } from '../../../../src/main/process/windows/parse-tasklist';

const text = (name: string): string => readFileSync(new URL(`../../../fixtures/windows/${name}`, import.meta.url), 'utf8');

describe('parseTasklistCsv', () => {
  it('reads /svc /fo csv: image names and service lists, N/A = none', () => {
    const { byPid, unparsed } = parseTasklistCsv(text('tasklist-svc.csv'));
    expect(unparsed).toEqual([]);
    expect(byPid.get(1156)).toEqual({ pid: 1156, name: 'svchost.exe', services: ['RpcEptMapper', 'RpcSs'] });
    expect(byPid.get(9876)!.services).toEqual([]);
    expect(byPid.get(0)!.name).toBe('System Idle Process');
  });

  it('reads a translated header and a translated N/A ("No disponible")', () => {
    const { byPid } = parseTasklistCsv(text('tasklist-svc-es.csv'));
    expect(byPid.size).toBe(6);
    expect(byPid.get(6612)).toEqual({ pid: 6612, name: 'chrome.exe', services: [] });
    expect(byPid.get(1504)!.services).toEqual(['Dhcp', 'Dhcpv6']);
  });

  it('reads /fo csv /nh (no header, no services, names with spaces)', () => {
    const { byPid } = parseTasklistCsv(text('tasklist-nh.csv'));
    expect(byPid.size).toBe(5);
    expect(byPid.get(4312)).toEqual({ pid: 4312, name: 'My App (x86).exe', services: [] });
  });

  it('treats every translation of N/A as no services', () => {
    for (const na of ['N/A', 'Nicht zutreffend', 'Н/Д', 'N/D', 'Non applicable']) expect(parseServices(na)).toEqual([]);
  });

  it('counts broken rows and survives broken quotes', () => {
    expect(parseTasklistCsv('"a.exe","12"\n"b.exe","x"\n').unparsed).toHaveLength(1);
    expect(() => parseTasklistCsv('"a.exe","1\n"b')).not.toThrow();
  });
});
