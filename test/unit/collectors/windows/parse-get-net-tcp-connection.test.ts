import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapGetNetTcpState, parseGetNetTcpConnection } from '../../../../src/main/collectors/windows/parse-get-net-tcp-connection';
import { parsePowerShellDate, splitTopLevel } from '../../../../src/main/collectors/windows/json-documents';
import { decodeOutput } from '../../../../src/main/collectors/windows/decode-output';

const text = (name: string): string => {
  const result = decodeOutput(readFileSync(new URL(`../../../fixtures/windows/${name}`, import.meta.url)));
  if (!result.ok) throw new Error(result.message);
  return result.value.text;
};

describe('parseGetNetTcpConnection', () => {
  it('reads Windows PowerShell 5.1 JSON (BOM, "Key":  value, /Date()/, numeric State)', () => {
    const { rows, unparsed } = parseGetNetTcpConnection(text('get-nettcpconnection-ps51.json'));
    expect(unparsed).toEqual([]);
    expect(rows).toHaveLength(6);
    expect(rows[0]).toMatchObject({
      protocol: 'tcp',
      family: 4,
      localAddress: '0.0.0.0',
      localPort: 135,
      remoteAddress: null,
      remotePort: null,
      state: 'LISTEN',
      owners: [{ pid: 1156, processName: null }],
      socketCreated: '2023-02-24T08:37:09.985Z',
    });
    expect(rows[2]).toMatchObject({ state: 'ESTABLISHED', remoteAddress: '140.82.121.4', remotePort: 443 });
    expect(rows[1].owners).toEqual([{ pid: 4, processName: 'System' }]);
    expect(rows[3]).toMatchObject({ state: 'TIME_WAIT', owners: [], socketCreated: null }); // pid 0: no owner, as on Linux
    expect(rows[4].state).toBe('BOUND');
    expect(rows[5]).toMatchObject({ family: 6, localScope: '9', remoteScope: '9', remoteAddress: 'fe80::1c2b:7aff:fe01:2' });
  });

  it('reads PowerShell 7 JSON (ISO dates, State as a name or a number)', () => {
    const { rows } = parseGetNetTcpConnection(text('get-nettcpconnection-ps7.json'));
    expect(rows.map((r) => r.state)).toEqual(['LISTEN', 'CLOSE_WAIT', 'LISTEN', 'CLOSE_WAIT']);
    expect(rows[0].socketCreated).toBe('2023-02-24T08:37:09.985Z');
    expect(rows[2]).toMatchObject({ family: 6, localAddress: '::1', remoteAddress: null });
  });

  it('reads a single object instead of an array', () => {
    const { rows } = parseGetNetTcpConnection(text('get-nettcpconnection-single.json'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ localPort: 3389, state: 'LISTEN', owners: [{ pid: 1400 }] });
  });

  it('reads a UTF-16LE file with TCP and UDP documents appended', () => {
    const { rows, unparsed } = parseGetNetTcpConnection(text('get-netconnections-ps51-utf16le.json'));
    expect(unparsed).toEqual([]);
    expect(rows.map((r) => r.protocol)).toEqual(['tcp', 'tcp', 'udp', 'udp']);
    expect(rows[2]).toMatchObject({ localPort: 5353, state: null, remoteAddress: null, owners: [{ pid: 2188 }] });
    expect(rows[3]).toMatchObject({ localScope: '9', localPort: 1900 });
  });

  it('unwraps the 5.1 {value, Count} wrapper and counts unreadable documents', () => {
    const wrapped = JSON.stringify({ value: [{ LocalAddress: '::', LocalPort: 53, OwningProcess: 9 }], Count: 1 });
    expect(parseGetNetTcpConnection(wrapped).rows[0]).toMatchObject({ protocol: 'udp', localPort: 53 });
    const truncated = parseGetNetTcpConnection('[{"LocalAddress": "0.0.0.0", "LocalPort": 80, "State": 2}, {"LocalAdd');
    expect(truncated.rows).toMatchObject([{ localPort: 80, state: 'LISTEN' }]);
    expect(truncated.unparsed).toHaveLength(1);
    const missing = parseGetNetTcpConnection('[{"LocalAddress": "0.0.0.0"}]');
    expect(missing.unparsed).toHaveLength(1);
  });

  it('keeps the complete objects of a ConvertTo-Json array cut mid-way, counting the tail once', () => {
    const whole = text('get-nettcpconnection-ps51.json');
    const starts = [...whole.matchAll(/\n {4}\{/g)].map((m) => m.index);
    expect(starts).toHaveLength(6);
    // cut inside the 4th object (in the middle of a key), and inside a string value of the 2nd one
    const inFourth = parseGetNetTcpConnection(whole.slice(0, starts[3] + 40));
    expect(inFourth.rows.map((r) => r.localPort)).toEqual([135, 445, 50432]);
    expect(inFourth.unparsed).toEqual(['(unreadable JSON document)']);
    const cimClass = whole.indexOf('ROOT/StandardCimv2', starts[1]);
    const inSecond = parseGetNetTcpConnection(whole.slice(0, cimClass + 5));
    expect(inSecond.rows).toHaveLength(1);
    expect(inSecond.rows[0]).toMatchObject({ localPort: 135, owners: [{ pid: 1156 }], socketCreated: '2023-02-24T08:37:09.985Z' });
    expect(inSecond.unparsed).toHaveLength(1);
    // cut right after the 5th object's closing brace and comma: five rows, the missing ']' counted
    const afterFifth = parseGetNetTcpConnection(whole.slice(0, starts[5]));
    expect(afterFifth.rows).toHaveLength(5);
    expect(afterFifth.unparsed).toHaveLength(1);
  });

  it('maps states and dates', () => {
    expect(mapGetNetTcpState(12)).toBe('DELETE_TCB');
    expect(mapGetNetTcpState('SynReceived')).toBe('SYN_RECEIVED');
    expect(mapGetNetTcpState('Weird')).toBe('Weird');
    expect(parsePowerShellDate('/Date(0)/')).toBe('1970-01-01T00:00:00.000Z');
    expect(parsePowerShellDate('not a date')).toBeNull();
    expect(splitTopLevel('[1] {"a":"]"} [2')).toEqual(['[1]', '{"a":"]"}', '[2']);
  });
});
