import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeOf, resolveStaticPath } from '../../../src/main/web/static-files';
import { parseCsp, RENDERER_CSP } from '../../../src/main/web/csp';

const root = path.resolve('/srv/portscope/out/renderer');

describe('resolveStaticPath', () => {
  it('maps / to index.html and assets inside the root', () => {
    expect(resolveStaticPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveStaticPath(root, '/assets/a%20b.css')).toBe(path.join(root, 'assets', 'a b.css'));
  });

  it('refuses every way out of the root', () => {
    for (const attempt of [
      '/../package.json',
      '/assets/../../secret',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2fetc%2fpasswd',
      '/assets/..%5c..%5cwin.ini',
      '/a\\..\\b',
      '/index.html%00.png',
      '/%E0%A4%A',
      '/..',
    ]) {
      expect(resolveStaticPath(root, attempt), attempt).toBeNull();
    }
  });

  it('names content types', () => {
    expect(contentTypeOf('x/index.html')).toMatch(/^text\/html/);
    expect(contentTypeOf('a.js')).toMatch(/^text\/javascript/);
    expect(contentTypeOf('a.unknown')).toBe('application/octet-stream');
  });
});

describe('CSP', () => {
  it('the header policy is the renderer meta tag policy, tightened, never loosened', () => {
    const html = readFileSync(path.resolve('src/renderer/index.html'), 'utf8');
    const metaText = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(metaText).toBeDefined();
    const meta = parseCsp(metaText!);
    const header = parseCsp(RENDERER_CSP);
    for (const [name, value] of meta) {
      if (name === 'connect-src') {
        // The header keeps only 'self' (which covers same-host ws:// in CSP3).
        expect(value.split(' ')).toContain("'self'");
        expect(header.get(name)).toBe("'self'");
      } else {
        expect(header.get(name), name).toBe(value);
      }
    }
    expect(header.get('frame-ancestors')).toBe("'none'");
    expect(header.get('object-src')).toBe("'none'");
    expect(RENDERER_CSP).not.toMatch(/unsafe-eval|\*/);
  });
});
