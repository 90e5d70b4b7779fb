import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAudit, parseAuditLines, readAudit } from '../../../src/main/actions/audit-log';

describe('audit log', () => {
  it('appends JSON lines (creating the folder) and reads them newest first', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ps-audit-')), 'nested', 'audit.log');
    expect(await appendAudit(file, { time: '2025-01-01T00:00:00.000Z', action: 'kill', target: 'pid 1', result: 'refused-protected: …' })).toBe(true);
    expect(await appendAudit(file, { time: '2025-01-01T00:00:01.000Z', action: 'close', target: 'tcp a → b', result: 'closed: …' })).toBe(true);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
    const entries = await readAudit(file);
    expect(entries.map((e) => e.action)).toEqual(['close', 'kill']);
  });
  it('skips torn lines and caps the list', () => {
    const lines = ['{"time":"t1","action":"kill","target":"x","result":"ended"}', '{"time":', 'garbage', '{"time":"t2","action":"kill","target":"y","result":"ended"}'];
    expect(parseAuditLines(lines.join('\n')).map((e) => e.time)).toEqual(['t2', 't1']);
    expect(parseAuditLines(lines.join('\n'), 1)).toHaveLength(1);
  });
  it('reads an absent log as empty', async () => {
    expect(await readAudit(path.join(tmpdir(), 'no-such-dir-portscope', 'audit.log'))).toEqual([]);
  });
});
