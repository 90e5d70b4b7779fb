/**
 * uid -> user name from /etc/passwd, read once and re-read (at most once a minute) on an unknown uid. Read
 * sync: a small local file, and fs/promises' first read (thread pool start-up) cost the one-shot CLI 9–31 ms.
 */
import { readFileSync } from 'node:fs';
import { parsePasswd } from './parse-proc-files';

const REREAD_MS = 60_000;
let users: Map<number, string> | null = null;
let readAt = 0;

function load(): Map<number, string> {
  try {
    users = parsePasswd(readFileSync('/etc/passwd', 'utf8'));
  } catch {
    users = new Map();
  }
  readAt = Date.now();
  return users;
}

/** The name of a uid; the number as text when /etc/passwd does not know it (LDAP, containers). */
export async function userName(uid: number): Promise<string> {
  let table = users ?? load();
  if (!table.has(uid) && Date.now() - readAt > REREAD_MS) table = load();
  return table.get(uid) ?? String(uid);
}

/** Synchronous lookup of what is already loaded (call userName once first). */
export function cachedUserName(uid: number): string | null {
  return users?.get(uid) ?? null;
}
