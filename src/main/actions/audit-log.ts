/** The audit log: one JSON line per kill/close attempt in the app's data folder; read back newest first. */
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import type { AuditEntry } from '../../shared/actions';

export const AUDIT_FILE = 'audit.log';
export const AUDIT_READ_LIMIT = 500;

/** Electron passes userData; CLI and web use ~/.portscope. */
export function auditLogPath(dataDir?: string): string {
  return path.join(dataDir ?? path.join(homedir(), '.portscope'), AUDIT_FILE);
}

/** Append one entry; returns false (never throws) when the folder is not writable. */
export async function appendAudit(file: string, entry: AuditEntry): Promise<boolean> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await appendFile(file, JSON.stringify(entry) + '\n', 'utf8');
    return true;
  } catch {
    return false;
  }
}

/** Pure: JSON lines -> entries, newest first, skipping lines that are not entries. */
export function parseAuditLines(text: string, limit = AUDIT_READ_LIMIT): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const v = JSON.parse(line) as Partial<AuditEntry>;
      if (typeof v.time === 'string' && typeof v.action === 'string' && typeof v.target === 'string' && typeof v.result === 'string') {
        out.push({ time: v.time, action: v.action, target: v.target, result: v.result });
      }
    } catch {
      // a torn or foreign line: skip it
    }
  }
  return out.reverse().slice(0, limit);
}

export async function readAudit(file: string, limit = AUDIT_READ_LIMIT): Promise<AuditEntry[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return parseAuditLines(text, limit);
}
