/**
 * Serving the built renderer (out/renderer): URL path -> file inside the root, never outside it.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file a URL path names inside `root`, or null when it would leave the root (`..`, encoded
 * `%2e%2e`, backslashes, NUL) or cannot be decoded. `/` is index.html.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  if (relative.split('/').some((segment) => segment === '..')) return null;
  const absoluteRoot = path.resolve(root);
  const file = path.resolve(absoluteRoot, relative);
  const inside = path.relative(absoluteRoot, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return file;
}

/** Read a regular file, or null when it does not exist or is not a file. */
export async function readStaticFile(file: string): Promise<Buffer | null> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return null;
    return await readFile(file);
  } catch {
    return null;
  }
}

/**
 * Where the built renderer is: next to the CLI bundle (out/cli -> out/renderer) or, when running from
 * source (tests), at the repository's out/renderer. null when `npm run build` has not run.
 */
export function findRendererDir(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, '../renderer'), path.resolve(here, '../../../out/renderer')];
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html'))) ?? null;
}
