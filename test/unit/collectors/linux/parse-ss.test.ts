import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LineMemo, parseSs, parseSsEndpoint, parseSsReusing, parseSsUsers, SsParser, type SsParse } from '../../../../src/main/collectors/linux/parse-ss';
import { LineChunks } from '../../../../src/main/lib/line-chunks';
import { seededRandom } from '../../../helpers/seeded-random';
import { randomText } from './random-text';

const fixture = (name: string): string => readFileSync(new URL(`../../../fixtures/linux/${name}`, import.meta.url), 'utf8');

describe('parseSs on `ss -tunap` with a header', () => {
  const { rows, unparsed } = parseSs(fixture('ss-tunap.txt'));
  const find = (proto: string, port: number, state?: string) =>
    rows.find((r) => r.protocol === proto && r.localPort === port && (state === undefined || r.state === state));

  it('reads every data line and skips the header', () => {
    expect(unparsed).toEqual([]);
    expect(rows).toHaveLength(16);
  });

  it('lists every owner of a shared socket, names with spaces kept', () => {
    expect(find('tcp', 80)?.owners.map((o) => o.pid)).toEqual([1201, 1202, 1203]);
    expect(find('udp', 5353, undefined)?.owners).toBeDefined();
    const mdns = rows.find((r) => r.protocol === 'udp' && r.localPort === 5353 && r.family === 6);
    expect(mdns?.owners).toEqual([
      { pid: 4242, processName: 'Web Content' },
      { pid: 4250, processName: 'Web Content' },
    ]);
    expect(find('tcp', 8080, 'LISTEN')?.owners).toEqual([{ pid: 3100, processName: 'my app, v2' }]);
  });

  it('keeps quotes and parentheses inside a name', () => {
    expect(find('tcp', 40502)?.owners).toEqual([{ pid: 7002, processName: 'a"b)c' }]);
  });

  it('tells dual-stack `*:port` from v6-only `[::]:port` and IPv4', () => {
    expect(find('tcp', 22, 'LISTEN')).toMatchObject({ family: 6, localAddress: '::', dualStack: true });
    expect(find('tcp', 8080, 'LISTEN')).toMatchObject({ family: 6, localAddress: '::', dualStack: false });
    expect(find('tcp', 80)).toMatchObject({ family: 4, localAddress: '0.0.0.0', dualStack: false });
  });

  it('moves zones into localScope', () => {
    expect(find('udp', 53)).toMatchObject({ localAddress: '127.0.0.53', localScope: 'lo', family: 4 });
    expect(find('udp', 546)).toMatchObject({ localAddress: 'fe80::a00:27ff:fe4e:66a1', localScope: 'enp0s3', family: 6 });
    expect(find('tcp', 40012)).toMatchObject({ localScope: 'enp0s3', remoteAddress: 'fe80::1', remotePort: 22 });
  });

  it('keeps IPv4-mapped addresses on an IPv6 socket', () => {
    expect(find('tcp', 8080, 'ESTABLISHED')).toMatchObject({ family: 6, localAddress: '::ffff:127.0.0.1', remoteAddress: '::ffff:127.0.0.1', remotePort: 40100 });
  });

  it('maps states to canonical names; UDP has state null and listeners no remote', () => {
    expect(find('tcp', 40022)?.state).toBe('TIME_WAIT');
    expect(find('tcp', 40022)?.owners).toEqual([]);
    expect(find('tcp', 40500)?.state).toBe('SYN_SENT');
    expect(find('tcp', 40502)?.state).toBe('CLOSE_WAIT');
    expect(find('tcp', 40504)?.state).toBe('FIN_WAIT_2');
    expect(find('udp', 44001)).toMatchObject({ state: null, remoteAddress: '192.168.1.1', remotePort: 53 });
    expect(find('udp', 53)).toMatchObject({ state: null, remoteAddress: null, remotePort: null });
    expect(find('tcp', 80)).toMatchObject({ state: 'LISTEN', remoteAddress: null, remotePort: null });
  });
});

describe('parseSs on `ss -tunapeH` (no header, -e extras)', () => {
  const { rows, unparsed } = parseSs(fixture('ss-tunapeH.txt'));
  it('reads inode, uid (absent = 0) and v6only', () => {
    expect(unparsed).toEqual([]);
    expect(rows).toHaveLength(11);
    const https = rows.find((r) => r.localPort === 50110);
    expect(https).toMatchObject({ uid: 1000, inode: 88123, owners: [] });
    expect(rows.find((r) => r.localPort === 631)).toMatchObject({ uid: 0, inode: 20031, owners: [] });
    expect(rows.find((r) => r.localPort === 40022)).toMatchObject({ inode: 0, state: 'TIME_WAIT' });
    expect(rows.find((r) => r.localPort === 41006)).toMatchObject({ family: 6, localAddress: '::1', dualStack: false });
    expect(rows.find((r) => r.localPort === 41007)).toMatchObject({ family: 6, localAddress: '::', dualStack: true });
  });
  it('reads a truncated comm with a comma and a quote', () => {
    expect(rows.find((r) => r.localPort === 41001)?.owners).toEqual([{ pid: 8805, processName: 'web, "conten' }]);
  });
});

describe('parseSsReusing between polls', () => {
  const text = fixture('ss-tunapeH.txt');
  it('hands out the same row object for an unchanged line and a new one for a changed line', () => {
    const first = parseSsReusing(text);
    const lines = text.split('\n');
    const changed = lines.map((l) => (l.includes(':41005 ') ? l.replace('UNCONN 0      0 ', 'UNCONN 1      0 ') : l)).join('\n');
    const second = parseSsReusing(changed, first);
    const at = (rows: typeof first.parsed.rows, port: number) => rows.find((r) => r.localPort === port);
    expect(at(second.parsed.rows, 41006)).toBe(at(first.parsed.rows, 41006));
    expect(at(second.parsed.rows, 41005)).not.toBe(at(first.parsed.rows, 41005));
    expect(at(second.parsed.rows, 41005)).toEqual(at(first.parsed.rows, 41005));
    expect(second.parsed.rows).toHaveLength(first.parsed.rows.length);
  });

  it('gives a line printed twice two row objects', () => {
    const line = text.split('\n').find((l) => l.includes(':41006 '))!;
    const { parsed } = parseSsReusing(`${line}\n${line}\n`);
    expect(parsed.rows).toHaveLength(2);
    expect(parsed.rows[0]).not.toBe(parsed.rows[1]);
    // printed once, then twice: the first reuses the row, the second is a new object
    const once = parseSsReusing(`${line}\n`);
    const twice = parseSsReusing(`${line}\n${line}\n`, once);
    expect(twice.parsed.rows[0]).toBe(once.parsed.rows[0]);
    expect(twice.parsed.rows[1]).not.toBe(once.parsed.rows[0]);
    expect(twice.parsed.rows[1]).toEqual(once.parsed.rows[0]);
    // and on the poll after, the first row is reused again (a repeated line's second row is parsed anew)
    const again = parseSsReusing(`${line}\n${line}\n`, twice);
    expect(again.parsed.rows).toEqual(twice.parsed.rows);
    expect(again.parsed.rows[0]).toBe(twice.parsed.rows[0]);
  });
});

describe('parseSsReusing on a poll with many sockets', () => {
  // tcp connections as ss -tunae prints them; i picks the ports and the inode
  const line = (i: number) => `tcp   ESTAB 0      0      127.0.0.1:${40000 + (i % 20000)}  127.0.0.1:${1024 + Math.floor(i / 20000)}  uid:1000 ino:${100000 + i} sk:${i.toString(16)} cgroup:/ <->`;
  const output = (ids: number[]) => ids.map(line).join('\n');
  const ids = Array.from({ length: 3000 }, (_, i) => i);
  const first = parseSsReusing(output(ids));

  /** The poll's rows equal a fresh parse, no object is handed out twice, and how many came from `first`. */
  function reusedCount(next: number[]): number {
    const poll = parseSsReusing(output(next), first);
    expect(poll.parsed.rows).toEqual(parseSs(output(next)).rows);
    expect(new Set(poll.parsed.rows).size).toBe(next.length);
    const before = new Set(first.parsed.rows);
    return poll.parsed.rows.filter((row) => before.has(row)).length;
  }

  it('reuses every unchanged line when a few sockets came and went here and there', () => {
    const next = ids.filter((i) => i % 97 !== 5); // 31 gone
    for (let at = 100; at < next.length; at += 211) next.splice(at, 0, 50000 + at); // 14 new, unlike any old line
    expect(reusedCount(next)).toBe(3000 - 31);
  });

  it('reuses lines after a large block of sockets closed, and in a changed order', () => {
    const block = ids.filter((i) => i < 1000 || i >= 1500);
    expect(reusedCount(block)).toBe(2500 - 32); // the lines that lost the place are parsed anew
    expect(reusedCount([...ids].reverse())).toBe(3000 - 32);
  });

  it('reuses TIME-WAIT rows whose countdown moved on (ss -e prints it), in order and by the map', () => {
    const tw = (i: number, sec: number) =>
      `tcp   TIME-WAIT 0      0          127.0.0.1:${32768 + i}    127.0.0.1:33849 timer:(timewait,${sec}sec,0) ino:0 sk:${(0xd75ca + i).toString(16)}`;
    const text = (sec: number, order: number[]) => order.map((i) => tw(i, sec)).join('\n');
    const order = Array.from({ length: 500 }, (_, i) => i);
    const before = parseSsReusing(text(41, order));
    expect(before.parsed.rows[0]).toMatchObject({ state: 'TIME_WAIT', localPort: 32768, remotePort: 33849, inode: 0 });
    const after = parseSsReusing(text(40, order), before);
    expect(after.parsed.rows.every((row, i) => row === before.parsed.rows[i])).toBe(true);
    const reversed = parseSsReusing(text(39, [...order].reverse()), after);
    expect(reversed.parsed.rows).toEqual(parseSs(text(39, [...order].reverse())).rows);
    const kept = new Set(after.parsed.rows);
    expect(reversed.parsed.rows.filter((row) => kept.has(row))).toHaveLength(500 - 32);
  });

  it('keeps the reuse key it made of a TIME-WAIT line for the next poll, in the line\'s place', () => {
    const tw = (i: number, sec: number) =>
      `tcp   TIME-WAIT 0      0          127.0.0.1:${40000 + i}    127.0.0.1:33849 timer:(timewait,${sec}sec,0) ino:0 sk:${(0xa00 + i).toString(16)}`;
    const est = 'tcp   ESTAB     0      0          127.0.0.1:5000    127.0.0.1:6000 ino:44 sk:3';
    const text = (sec: number) => [tw(0, sec), est, tw(1, sec)].join('\n');
    const first = parseSsReusing(text(41));
    expect(first.keys.filter((key) => key !== undefined)).toEqual([]); // a parse with nothing to match makes none
    const second = parseSsReusing(text(40), first);
    expect(second.parsed.rows.every((row, i) => row === first.parsed.rows[i])).toBe(true);
    expect(second.keys[0]).toBe('tcp   TIME-WAIT 0      0          127.0.0.1:40000    127.0.0.1:33849 timer:() ino:0 sk:a00');
    expect(second.lines[0]).toBe(second.keys[0]); // not the line as well
    expect(second.keys[1]).toBeUndefined(); // an unchanged line without a timer needs no key
    expect(second.lines[1]).toBe(est);
    // The next poll compares with the keys as they are: a key in place of its line is enough to match.
    const withKeysOnly: SsParse = { ...second, lines: second.lines.map((line, i) => (second.keys[i] === undefined ? line : 'not the line')) };
    const third = parseSsReusing(text(39), withKeysOnly);
    expect(third.parsed.rows.every((row, i) => row === second.parsed.rows[i])).toBe(true);
  });

  it('blanks only the timer ss prints, not a timer-like text in a process name, a cgroup path or a bad line', () => {
    const pairs = [
      // a process name (with -p) holding the text; the pid changed
      ['tcp ESTAB 0 0 127.0.0.1:5000 127.0.0.1:6000 users:(("x timer:(",pid=100,fd=3)) ino:42 sk:1', 'tcp ESTAB 0 0 127.0.0.1:5000 127.0.0.1:6000 users:(("x timer:(",pid=200,fd=7)) ino:42 sk:1'],
      // a cgroup path holding it, before v6only
      ['udp UNCONN 0 0 *:5353 *:* ino:43 sk:2 cgroup:/u/a timer:(on,1s,0) v6only:1 <->', 'udp UNCONN 0 0 *:5353 *:* ino:43 sk:2 cgroup:/u/a timer:(on,2s,0) v6only:0 <->'],
      // a line that does not parse, next to one that does
      ['tcp ESTAB 0 0 127.0.0.1:5000 127.0.0.1:6000 ino:44 sk:3', 'tcp ESTAB 0 timer:(on,1ms,0) 0 127.0.0.1:5000 127.0.0.1:6000 ino:44 sk:3'],
    ];
    for (const [before, after] of pairs) {
      const poll = parseSsReusing(after!, parseSsReusing(before!));
      expect(poll.parsed).toEqual(parseSs(after!));
    }
  });

  it('hands a line printed twice its row once', () => {
    expect(reusedCount([...ids.slice(0, 10), 5, 5, ...ids.slice(10)])).toBe(3000);
  });
});

describe('SsParser fed as ss prints (chunks cut anywhere)', () => {
  /** `text` as bytes cut at random places, through LineChunks into an SsParser. */
  function parseInChunks(text: string, seed: number, previous?: SsParse): SsParser {
    const random = seededRandom(seed);
    const bytes = Buffer.from(text, 'utf8');
    const parser = new SsParser(previous);
    const lines = new LineChunks(1 + Math.floor(random() * 300)); // small batches: lines reach the parser in many parts
    for (let from = 0; from < bytes.length; ) {
      const to = Math.min(bytes.length, from + 1 + Math.floor(random() * 700));
      parser.add(lines.push(bytes.subarray(from, to)));
      from = to;
    }
    parser.add(lines.end());
    return parser;
  }

  it('gives the same rows, lines and unparsed lines as one parse of the whole text', () => {
    // -p names with quotes, commas and a multi-byte character; a header; a bad line; no newline at the end
    const text = `${fixture('ss-tunap.txt')}\ngarbage line\n${fixture('ss-tunapeH.txt').replace('web, "conten', 'wéb, "cont')}`.trimEnd();
    for (let seed = 1; seed <= 40; seed++) {
      const parser = parseInChunks(text, seed);
      expect(parser.result()).toEqual(parseSsReusing(text));
      expect(parser.printed).toBe(true);
    }
  });

  it('reuses the previous poll\'s row objects as a whole-text parse does', () => {
    const text = fixture('ss-tunapeH.txt');
    const first = parseSsReusing(text);
    const changed = text.replace('UNCONN 0      0 ', 'UNCONN 1      0 ');
    const whole = parseSsReusing(changed, first);
    for (let seed = 1; seed <= 20; seed++) {
      const rows = parseInChunks(changed, seed, first).result().parsed.rows;
      expect(rows).toEqual(whole.parsed.rows);
      rows.forEach((row, i) => expect(row === whole.parsed.rows[i]).toBe(first.parsed.rows.includes(whole.parsed.rows[i]!)));
    }
  });

  it('says whether ss printed anything but blanks', () => {
    const blank = new SsParser();
    blank.add(' \n\n');
    expect(blank.printed).toBe(false);
    const header = new SsParser();
    header.add('Netid State  Recv-Q Send-Q Local Address:Port  Peer Address:Port Process\n');
    expect(header.printed).toBe(true);
    expect(header.result().parsed.rows).toEqual([]);
  });
});

describe('parseSs helpers and bad input', () => {
  it('parses endpoints and rejects junk', () => {
    expect(parseSsEndpoint('[fe80::1]%eth0:40012')).toMatchObject({ address: 'fe80::1', scope: 'eth0', port: 40012, family: 6 });
    expect(parseSsEndpoint('*:*')).toMatchObject({ address: '::', port: 0, starWildcard: true });
    expect(parseSsEndpoint(':::22')).toMatchObject({ address: '::', port: 22, family: 6 });
    expect(parseSsEndpoint('1.2.3.4:99999')).toBeNull();
    expect(parseSsEndpoint('host:80')).toBeNull();
    expect(parseSsEndpoint('[::1')).toBeNull();
    // the port: 1-5 digits up to 65535, or `*`
    expect(parseSsEndpoint('1.2.3.4:65535')).toMatchObject({ port: 65535 });
    expect(parseSsEndpoint('1.2.3.4:65536')).toBeNull();
    expect(parseSsEndpoint('1.2.3.4:')).toBeNull();
    expect(parseSsEndpoint('1.2.3.4:8a')).toBeNull();
    expect(parseSsEndpoint('1.2.3.4:123456')).toBeNull();
    expect(parseSsEndpoint('[::1]:**')).toBeNull();
    expect(parseSsEndpoint('127.0.0.53%lo:53')).toMatchObject({ address: '127.0.0.53', scope: 'lo', port: 53, family: 4 });
  });

  it('reads each endpoint within its own column: a bracket, zone sign or colon further on the line is not its', () => {
    expect(parseSs('tcp LISTEN 0 128 [::1 [fe80::1]:22 ino:5').rows).toEqual([]); // unclosed bracket: the peer's `]` is not it
    const zoneLater = parseSs('tcp ESTAB 0 0 10.0.0.1:80 10.0.0.2:5000 ino:5 cgroup:/a%b:c');
    expect(zoneLater.rows).toEqual([expect.objectContaining({ localAddress: '10.0.0.1', localScope: null, remoteAddress: '10.0.0.2', remoteScope: null, remotePort: 5000 })]);
    const repeated = parseSs('tcp ESTAB 0 0 10.0.0.1:80 10.0.0.2:5000 ino:5\ntcp ESTAB 0 0 10.0.0.2:81 10.0.0.20:5001 ino:6\nudp UNCONN 0 0 10.0.0.1%eth0:53 0.0.0.0:* ino:7');
    expect(repeated.rows.map((r) => [r.protocol, r.state, r.localAddress, r.localScope, r.localPort, r.remoteAddress])).toEqual([
      ['tcp', 'ESTABLISHED', '10.0.0.1', null, 80, '10.0.0.2'],
      ['tcp', 'ESTABLISHED', '10.0.0.2', null, 81, '10.0.0.20'], // a host that starts like the last one is not it
      ['udp', null, '10.0.0.1', 'eth0', 53, null],
    ]);
  });

  it('gives an endpoint the same parse with a host memo as without, also for a host seen before and for junk', () => {
    const hosts = new LineMemo();
    const texts = ['127.0.0.1:80', '127.0.0.1:*', '[FE80::1]%eth0:22', '[fe80::1]:23', '*:*', 'host:80', 'host:81', '[FE80::1]:24', '127.0.0.1:65536', '10.0.0.1:1'];
    for (const text of [...texts, ...texts]) expect(parseSsEndpoint(text, hosts)).toEqual(parseSsEndpoint(text));
  });

  it('parses a users section with duplicate fds of one process once', () => {
    expect(parseSsUsers('users:(("x",pid=1,fd=3),("x",pid=1,fd=4))')).toEqual([{ pid: 1, processName: 'x' }]);
    expect(parseSsUsers('users:(("sshd",pid=800,proc_ctx=unconfined,fd=4))')).toEqual([{ pid: 800, processName: 'sshd' }]);
  });

  it('reads ino and uid after the users section: a process name may contain " ino:" (ss -tunape)', () => {
    const line = 'tcp LISTEN 0 128 0.0.0.0:8080 0.0.0.0:* users:(("a ino:1 uid:7",pid=42,fd=3)) uid:1000 ino:555 sk:1 cgroup:/ <->';
    expect(parseSs(line).rows).toEqual([expect.objectContaining({ inode: 555, uid: 1000, owners: [{ pid: 42, processName: 'a ino:1 uid:7' }] })]);
  });

  it('reads the users section entry by entry: a name may hold ",pid=" and ")", later text is not an owner', () => {
    const tricky = 'tcp LISTEN 0 128 0.0.0.0:8080 0.0.0.0:* users:(("a",pid=7) ino:9",pid=42,fd=3)) ino:555 sk:1 cgroup:/a("x",pid=9) <->';
    expect(parseSs(tricky).rows).toEqual([expect.objectContaining({ inode: 555, owners: [{ pid: 42, processName: 'a",pid=7) ino:9' }] })]);
    expect(parseSsUsers('users:(("b",pid=2,fd=5),("c",pid=3,fd=6))')).toEqual([{ pid: 2, processName: 'b' }, { pid: 3, processName: 'c' }]);
  });

  it('reads a table without the Netid column (ss -tnap)', () => {
    const { rows } = parseSs('State Recv-Q Send-Q Local Address:Port Peer Address:Port Process\nLISTEN 0 128 0.0.0.0:22 0.0.0.0:* users:(("sshd",pid=1,fd=3))\n');
    expect(rows).toEqual([expect.objectContaining({ protocol: 'tcp', state: 'LISTEN', localPort: 22 })]);
  });

  it('counts garbage lines, skips other socket kinds, never throws', () => {
    const result = parseSs('tcp LISTEN 0 128 nonsense\nu_str ESTAB 0 0 * 123 * 456\nhello world\n');
    expect(result.rows).toEqual([]);
    expect(result.unparsed).toHaveLength(2);
  });

  it('counts a line whose Recv-Q or Send-Q is not all digits as unparsed', () => {
    const good = 'tcp LISTEN 0 128 0.0.0.0:22 0.0.0.0:*';
    expect(parseSs(`${good}\n`).rows).toHaveLength(1);
    for (const bad of ['tcp LISTEN 0x 128 0.0.0.0:22 0.0.0.0:*', 'tcp LISTEN 0 12a 0.0.0.0:22 0.0.0.0:*', 'tcp LISTEN 0']) {
      expect(parseSs(`${bad}\n`)).toEqual({ rows: [], unparsed: [bad] });
    }
  });

  it('survives random and truncated text', () => {
    const text = fixture('ss-tunap.txt');
    for (let i = 0; i < 300; i++) {
      const cut = text.slice(0, Math.floor((text.length * i) / 300));
      expect(() => parseSs(cut)).not.toThrow();
      expect(() => parseSs(randomText(i, 400))).not.toThrow();
    }
  });
});
