/** Where slices persist settings: localStorage in the app, a Map in tests. Never throws (private mode, quota). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

export function browserStorage(): KeyValueStorage {
  try {
    if (typeof localStorage !== 'undefined') return localStorage;
  } catch {
    // Access to localStorage can throw (sandboxed origins): fall back to memory.
  }
  return memoryStorage();
}

export function loadJson<T>(storage: KeyValueStorage, key: string, read: (value: unknown) => T | null, fallback: T): T {
  try {
    const text = storage.getItem(key);
    if (text === null) return fallback;
    return read(JSON.parse(text)) ?? fallback;
  } catch {
    return fallback;
  }
}

export function saveJson(storage: KeyValueStorage, key: string, value: unknown): void {
  try {
    storage.setItem(key, JSON.stringify(value));
  } catch {
    // Settings are a convenience; losing them must not break the table.
  }
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
