/**
 * The desktop app's remembered settings (window bounds, refresh interval; the renderer keeps its own
 * view preferences such as theme and filters) as one small JSON file
 * in the user's data folder. Plain Node with the file access injected, so it is tested without Electron.
 * A missing or damaged file gives the defaults, never a crash; unknown keys are dropped.
 */
import * as z from 'zod/mini';
import { wholeNumber as whole } from '../../shared/schema-checks';

const boundsSchema = z.object({
  x: z.int(),
  y: z.int(),
  width: whole(400, 20_000),
  height: whole(300, 20_000),
});

const settingsSchema = z.object({
  window: z.catch(z.nullable(z.extend(boundsSchema, { maximized: z.boolean() })), null),
  pollIntervalMs: z.catch(whole(0, 600_000), 2000),
});

export type Settings = z.infer<typeof settingsSchema>;
export type WindowBounds = z.infer<typeof boundsSchema>;

export const DEFAULT_SETTINGS: Settings = { window: null, pollIntervalMs: 2000 };

export interface SettingsFiles {
  read(path: string): Promise<string | null>;
  /** Write atomically (temp file + rename) so a crash never leaves half a file. */
  write(path: string, text: string): Promise<void>;
}

/** Settings from file text; defaults for anything missing or invalid. */
export function parseSettings(text: string | null): Settings {
  if (text === null) return { ...DEFAULT_SETTINGS };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ...DEFAULT_SETTINGS };
  const withDefaults = { ...DEFAULT_SETTINGS, ...(raw as Record<string, unknown>) };
  const parsed = settingsSchema.safeParse(withDefaults);
  return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
}

export interface SettingsStore {
  get(): Settings;
  /** Merge and save soon (writes are coalesced: window moves fire many times a second). */
  update(patch: Partial<Settings>): void;
  /** Write pending changes now (on quit). */
  flush(): Promise<void>;
}

export async function openSettingsStore(file: string, files: SettingsFiles, delayMs = 500): Promise<SettingsStore> {
  let current = parseSettings(await files.read(file).catch(() => null));
  let timer: ReturnType<typeof setTimeout> | null = null;
  let dirty = false;
  let writing: Promise<void> = Promise.resolve();

  const write = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!dirty) return writing;
    dirty = false;
    const text = JSON.stringify(current, null, 2) + '\n';
    writing = writing.then(() => files.write(file, text)).catch(() => undefined);
    return writing;
  };

  return {
    get: () => current,
    update(patch) {
      current = parseSettings(JSON.stringify({ ...current, ...patch }));
      dirty = true;
      timer ??= setTimeout(() => void write(), delayMs);
    },
    flush: write,
  };
}

/** Node's fs as SettingsFiles: read-or-null and an atomic write. */
export async function nodeSettingsFiles(): Promise<SettingsFiles> {
  const { readFile, writeFile, rename, mkdir } = await import('node:fs/promises');
  const { dirname } = await import('node:path');
  return {
    read: (path) => readFile(path, 'utf8').catch(() => null),
    async write(path, text) {
      await mkdir(dirname(path), { recursive: true });
      const temp = `${path}.${process.pid}.tmp`;
      await writeFile(temp, text, 'utf8');
      await rename(temp, path);
    },
  };
}

export interface DisplayArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Saved bounds are used only when the window's title bar would be visible on some display now
 * (monitors get unplugged); otherwise null and the window opens centered.
 */
export function visibleBounds(saved: WindowBounds | null, displays: DisplayArea[]): WindowBounds | null {
  if (!saved) return null;
  const titleBar = { x: saved.x, y: saved.y, width: saved.width, height: 40 };
  const overlaps = displays.some((d) => {
    const w = Math.min(titleBar.x + titleBar.width, d.x + d.width) - Math.max(titleBar.x, d.x);
    const h = Math.min(titleBar.y + titleBar.height, d.y + d.height) - Math.max(titleBar.y, d.y);
    return w >= 100 && h >= 20;
  });
  return overlaps ? saved : null;
}
