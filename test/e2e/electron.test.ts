/**
 * The desktop app end to end through Playwright's Electron driver: the hardened window opens, the
 * bridge is there and Node is not. Needs the Electron binary, which `npm install` downloads; where it
 * is missing (CI without a display, this container) the test says so and skips.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const electronDir = path.resolve('node_modules/electron');
const pathFile = path.join(electronDir, 'path.txt');
const binary = existsSync(pathFile) ? path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;
const mainBundle = path.resolve('out/main/index.js');
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

const skipReason = !binary || !existsSync(binary)
  ? `the Electron binary is not installed (${pathFile} missing) — run \`npm install\` with network access to get it`
  : !existsSync(mainBundle)
    ? `${mainBundle} is missing — run \`npm run build\` first`
    : !hasDisplay
      ? 'no display (set DISPLAY, e.g. run under xvfb-run)'
      : null;
if (skipReason) console.warn(`Electron e2e skipped: ${skipReason}.`);

describe.skipIf(skipReason !== null)('PortScope desktop app', () => {
  it('opens a sandboxed window with the portscope bridge and no Node', async () => {
    const { _electron } = await import('playwright-core');
    const app = await _electron.launch({ executablePath: binary!, args: [mainBundle] });
    try {
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      const facts = await page.evaluate(() => ({
        bridge: typeof (window as unknown as { portscope?: { list?: unknown } }).portscope?.list,
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      }));
      expect(facts).toEqual({ bridge: 'function', require: 'undefined', process: 'undefined' });
      const list = await page.evaluate(() => (window as unknown as { portscope: { list(i: object): Promise<{ ok: boolean }> } }).portscope.list({}));
      expect(typeof list.ok).toBe('boolean');
      const opened = await page.evaluate(() => window.open('https://example.com') === null);
      expect(opened).toBe(true);
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});
