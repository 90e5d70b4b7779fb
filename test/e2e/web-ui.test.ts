/**
 * The UI end to end: Debian Chromium (playwright-core) → `portscope web` (startWebServer, in-process) →
 * the real engine → real sockets held by a child process this test starts (and kills by pid at the end).
 * Also saves screenshots of the main view in light and dark: into docs/screenshots/ (the README's) only
 * with UPDATE_SCREENSHOTS=1, otherwise into test-results/screenshots/ so a run leaves tracked files alone.
 * The service writes its audit log into a temporary folder, not the user's ~/.portscope.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { connect, createServer, type AddressInfo } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { reverse } from 'node:dns/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startWebServer, type WebServer } from '../../src/main/web';
import { createService, type PortScopeService } from '../../src/main/service';
import { browserUnavailable, launchBrowser } from '../helpers/browser';

const ROOT = new URL('../../', import.meta.url).pathname;
const RENDERER = join(ROOT, 'out/renderer/index.html');
const SHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'docs/screenshots') : join(ROOT, 'test-results/screenshots');
const WAIT = 15_000;

const skipReason = browserUnavailable() ?? (existsSync(RENDERER) ? null : 'the renderer is not built: run `npm run build` first');
if (skipReason) console.warn(`web UI e2e skipped: ${skipReason}`);

/**
 * Extra sockets with well-known meanings so the screenshots show a realistic table (a database port
 * held by node also shows the unexpected-owner warning). Bound only if free; closed with the child.
 */
const DECOR = `
const net = require('node:net');
const dgram = require('node:dgram');
for (const port of [5432, 6379, 27017, 11211, 9200]) {
  const s = net.createServer((c) => c.end());
  s.on('error', () => {});
  s.listen(port, '127.0.0.1');
}
for (const port of [5353, 1900]) {
  const u = dgram.createSocket('udp4');
  u.on('error', () => {});
  u.bind(port, '127.0.0.1');
}
setTimeout(() => process.stdout.write('ready\\n'), 200);
setInterval(() => {}, 1 << 30);
`;

/**
 * A child that holds TCP listeners: one on an OS-chosen (5-digit) port, one on a 4-digit port, so a
 * string sort and a numeric sort differ. Commands on stdin: "close <port>" closes that listener.
 */
const CHILD = `
const net = require('node:net');
const servers = new Map();
const listen = (port) => new Promise((resolve) => {
  const s = net.createServer((c) => c.end());
  s.once('error', () => resolve(null));
  s.listen(port, '127.0.0.1', () => { servers.set(s.address().port, s); resolve(s.address().port); });
});
(async () => {
  const a = await listen(0);
  let b = null;
  for (let p = 9000 + Math.floor(Math.random() * 900); !b && p < 9999; p++) b = await listen(p);
  process.stdout.write(JSON.stringify({ a, b }) + '\\n');
})();
process.stdin.on('data', (d) => {
  for (const line of String(d).split('\\n')) {
    const m = /^close (\\d+)/.exec(line);
    if (m && servers.has(Number(m[1]))) servers.get(Number(m[1])).close(() => process.stdout.write('closed ' + m[1] + '\\n'));
  }
});
`;

/** A child holding one established TCP connection to itself; prints the ports, then "closed" when reset. */
const PAIR = `
const net = require('node:net');
const s = net.createServer((c) => { c.on('error', () => {}); });
s.listen(0, '127.0.0.1', () => {
  const c = net.connect(s.address().port, '127.0.0.1', () => process.stdout.write(JSON.stringify({ server: s.address().port, client: c.localPort }) + '\\n'));
  c.on('error', () => {});
  c.on('close', () => process.stdout.write('closed\\n'));
});
setInterval(() => {}, 1 << 30);
`;

interface Held {
  child: ChildProcessWithoutNullStreams;
  a: number;
  b: number;
}

function startHolder(): Promise<Held> {
  const child = spawn(process.execPath, ['-e', CHILD], { stdio: ['pipe', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.stdout.once('data', (d: Buffer) => {
      const { a, b } = JSON.parse(String(d).split('\n')[0]) as { a: number; b: number | null };
      if (!b) reject(new Error('could not bind a 4-digit port for the sort test'));
      else resolve({ child, a, b });
    });
  });
}

/** A port the OS just handed out (closed again at once) for the listener panel to bind. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** A child holding one loopback connection (both ends); the caller kills it by pid. */
async function startPair(): Promise<{ pair: ChildProcessWithoutNullStreams; serverPort: number; clientPort: number; output: () => string }> {
  const pair = spawn(process.execPath, ['-e', PAIR], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  pair.stdout.on('data', (d: Buffer) => (out += String(d)));
  await expect.poll(() => out.includes('}'), { timeout: WAIT }).toBe(true);
  const { server, client } = JSON.parse(out.split('\n')[0]!) as { server: number; client: number };
  return { pair, serverPort: server, clientPort: client, output: () => out };
}

const rowFor = (page: Page, port: number) => page.locator(`[data-testid="socket-row"][data-port="${port}"]`);

async function setFilter(page: Page, text: string): Promise<void> {
  await page.getByTestId('filter-input').fill(text);
}

/** Tick or untick "Resolve remote host names" in the Columns popover, then close the popover. */
async function setResolveHosts(page: Page, on: boolean): Promise<void> {
  const popover = page.getByTestId('columns-popover');
  if ((await popover.count()) === 0) await page.getByTestId('columns-button').click();
  await page.getByTestId('resolve-hosts').setChecked(on, { timeout: WAIT });
  // The popover closes when the pointer leaves it.
  await page.mouse.move(2, 2);
  if ((await popover.count()) > 0) await page.getByTestId('columns-button').click();
  await expect.poll(() => popover.count()).toBe(0);
}

describe.skipIf(skipReason !== null)('web UI against real sockets', () => {
  let server: WebServer;
  let service: PortScopeService;
  let dataDir: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let held: Held;
  let decor: ChildProcessWithoutNullStreams;
  const exited = (): boolean => held.child.exitCode !== null || held.child.signalCode !== null;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'portscope-e2e-data-'));
    service = createService({ pollIntervalMs: 0, dataDir });
    const started = await startWebServer({ pollIntervalMs: 1000, service });
    if (!started.ok) throw new Error(started.message);
    server = started.value;
    held = await startHolder();
    decor = spawn(process.execPath, ['-e', DECOR], { stdio: ['pipe', 'pipe', 'pipe'] });
    await new Promise((resolve) => decor.stdout.once('data', resolve));
    browser = await launchBrowser();
    context = await browser.newContext({ colorScheme: 'light', viewport: { width: 1440, height: 860 }, acceptDownloads: true });
    page = await context.newPage();
    await page.goto(server.url);
    await page.getByTestId('refresh-1000').click();
  });

  afterAll(async () => {
    await browser?.close();
    if (held && !exited()) process.kill(held.child.pid as number, 'SIGKILL');
    if (decor?.exitCode === null) process.kill(decor.pid as number, 'SIGKILL');
    await server?.close();
    await service?.dispose();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the test listener with its process name and port; port:N filters to it', async () => {
    await setFilter(page, `port:${held.a}`);
    const row = rowFor(page, held.a);
    await row.waitFor({ timeout: WAIT });
    await expect.poll(() => page.getByTestId('socket-row').count()).toBe(1);
    const text = await row.innerText();
    expect(text).toContain('node');
    expect(text).toContain(String(held.a));
    expect(text).toContain(String(held.child.pid));
    // port:N is exact: the other listener (a different number) is not shown.
    expect(await rowFor(page, held.b).count()).toBe(0);
  });

  it('a listener started while the page is open shows within two refreshes', async () => {
    await setFilter(page, '');
    const status = page.getByTestId('status-refresh');
    await expect.poll(async () => Number(await status.getAttribute('data-seq')), { timeout: WAIT }).toBeGreaterThan(0);
    const seqBefore = Number(await status.getAttribute('data-seq'));
    const late = spawn(process.execPath, ['-e', "require('node:net').createServer().listen(0, '127.0.0.1', function () { console.log(this.address().port); })"]);
    try {
      const port = Number(await new Promise<string>((resolve) => late.stdout.once('data', (d: Buffer) => resolve(String(d).trim()))));
      await setFilter(page, `port:${port}`);
      const row = rowFor(page, port);
      await row.waitFor({ timeout: WAIT });
      expect(await row.innerText()).toContain('node');
      // The diff that brought the row is at most two refreshes after the one shown when the socket opened.
      expect(Number(await row.getAttribute('data-seq')) - seqBefore).toBeLessThanOrEqual(2);
      expect(await row.getAttribute('data-status')).toBe('new');
    } finally {
      process.kill(late.pid as number, 'SIGKILL');
    }
  });

  it('sorts by local port numerically', async () => {
    await setFilter(page, `pid:${held.child.pid}`);
    await rowFor(page, held.b).waitFor({ timeout: WAIT });
    const ports = async (): Promise<number[]> =>
      (await page.getByTestId('socket-row').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-port')))));
    const header = page.getByTestId('col-localPort');
    // Whatever the stored sort was, click until this column is ascending.
    for (let i = 0; i < 3 && (await header.getAttribute('aria-sort')) !== 'ascending'; i++) await header.click();
    expect(await ports()).toEqual([held.b, held.a]); // 9xxx before 5-digit: numeric, not text
    await header.click();
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    expect(await ports()).toEqual([held.a, held.b]);

    // The whole table sorted ascending is non-decreasing.
    await setFilter(page, '');
    await header.click();
    const all = await ports();
    expect(all.length).toBeGreaterThan(1);
    expect([...all].sort((x, y) => x - y)).toEqual(all);
  });

  it('exports the visible rows to CSV, JSON and HTML files that contain the row', async () => {
    await setFilter(page, `port:${held.a}`);
    await rowFor(page, held.a).waitFor({ timeout: WAIT });
    for (const format of ['csv', 'json', 'html'] as const) {
      await page.getByTestId('export-button').click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${format}`).click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^portscope-\\d{8}-\\d{6}\\.${format}$`));
      const file = join(tmpdir(), `portscope-e2e-${process.pid}.${format}`);
      await download.saveAs(file);
      const content = readFileSync(file, 'utf8');
      expect(content).toContain(String(held.a));
      expect(content).toContain('node');
      if (format === 'json') expect((JSON.parse(content) as { localPort: number }[]).map((r) => r.localPort)).toEqual([held.a]);
    }
  });

  it('the port search shows the owner and the port meaning', async () => {
    await page.getByTestId('port-search-input').fill(String(held.b));
    const owner = page.getByTestId('port-owner');
    await owner.first().waitFor({ timeout: WAIT });
    const text = await owner.first().innerText();
    expect(text).toContain('node');
    expect(text).toContain(String(held.child.pid));
    await expect.poll(() => page.getByTestId('port-search-result').innerText()).not.toContain('looking up');
  });

  it('saves light and dark screenshots of the main view with real rows', async () => {
    mkdirSync(SHOTS, { recursive: true });
    await setFilter(page, '');
    await page.getByTestId('port-search-input').fill('5432');
    await page.getByTestId('port-owner').first().waitFor({ timeout: WAIT });
    const selectable = (await rowFor(page, 5432).count()) > 0 ? 5432 : held.b;
    await rowFor(page, selectable).first().click();
    await page.getByTestId('details-process').waitFor();
    await page.getByTestId('toast').waitFor({ state: 'detached', timeout: WAIT });
    // Let green/yellow highlights settle so the shot shows the steady table. The page's own HTTP
    // connections (closed after keep-alive) and other processes keep changing the table on a busy
    // machine: if it does not settle, pause refreshing for the shots (highlights still fade).
    const unsettled = page.locator('[data-testid="socket-row"]:not([data-status="steady"])');
    const settled = async (timeout: number): Promise<boolean> =>
      expect
        .poll(() => unsettled.count(), { timeout })
        .toBe(0)
        .then(
          () => true,
          () => false,
        );
    const paused = !(await settled(WAIT));
    if (paused) {
      await page.getByTestId('refresh-0').click();
      expect(await settled(WAIT)).toBe(true);
    }
    await page.screenshot({ path: join(SHOTS, 'main-light.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.screenshot({ path: join(SHOTS, 'main-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
    if (paused) await page.getByTestId('refresh-1000').click();
    expect(existsSync(join(SHOTS, 'main-light.png')) && existsSync(join(SHOTS, 'main-dark.png'))).toBe(true);
  }, 60_000);

  it('a closed socket turns red, then disappears', async () => {
    await page.getByTestId('port-search-input').fill('');
    await setFilter(page, `port:${held.a}`);
    await rowFor(page, held.a).waitFor({ timeout: WAIT });
    held.child.stdin.write(`close ${held.a}\n`);
    await page.locator(`[data-testid="socket-row"][data-port="${held.a}"][data-status="removed"]`).waitFor({ timeout: WAIT });
    await rowFor(page, held.a).waitFor({ state: 'detached', timeout: WAIT });
    expect(await page.getByTestId('table-empty').innerText()).toMatch(/No socket matches/);
  });

  it('a listener started from the Test listener tab logs the peer the test connects from', async () => {
    const port = await freePort();
    await page.getByTestId('tab-listener').click();
    await page.getByTestId('listener-panel').waitFor();
    await page.getByTestId('listener-port').fill(String(port));
    await page.getByTestId('listener-protocol').selectOption('tcp');
    await page.getByTestId('listener-host').selectOption('127.0.0.1');
    await page.getByTestId('listener-start').click();
    await page.locator('[data-testid="listener-item"][data-running="true"]').waitFor({ timeout: WAIT });

    const clientPort = await new Promise<number>((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port }, () => {
        const local = socket.localPort as number;
        socket.end('hello from e2e');
        resolve(local);
      });
      socket.once('error', reject);
    });
    const logRow = page.locator(`[data-testid="listener-log-row"][data-peer="127.0.0.1:${clientPort}"]`);
    await logRow.waitFor({ timeout: WAIT });
    await expect.poll(() => logRow.innerText(), { timeout: WAIT }).toContain('hello from e2e');
    await page.screenshot({ path: join(tmpdir(), 'portscope-e2e-listener.png') });

    await page.getByTestId('listener-stop').first().click();
    await page.getByTestId('tab-sockets').click();
    await page.getByTestId('socket-table').waitFor();
  });

  it('filters, toggles and the theme choice persist across a reload; the manual theme overrides the OS', async () => {
    await setFilter(page, 'proc:node -port:1');
    await page.getByTestId('toggle-udp').click();
    expect(await page.getByTestId('toggle-udp').getAttribute('aria-pressed')).toBe('false');
    const html = page.locator('html');
    expect(await html.getAttribute('data-theme')).toBe('light');
    await page.getByTestId('theme-toggle').click(); // auto -> light
    await page.getByTestId('theme-toggle').click(); // light -> dark
    expect(await html.getAttribute('data-theme')).toBe('dark');
    await page.reload();
    await page.getByTestId('socket-table').waitFor();
    expect(await page.getByTestId('filter-input').inputValue()).toBe('proc:node -port:1');
    expect(await page.getByTestId('toggle-udp').getAttribute('aria-pressed')).toBe('false');
    expect(await html.getAttribute('data-theme')).toBe('dark');
    // Back to the defaults for the next test.
    await page.getByTestId('toggle-udp').click();
    await page.getByTestId('theme-toggle').click(); // dark -> auto
    expect(await html.getAttribute('data-theme')).toBe('light');
  });

  it('keyboard: Space pauses and resumes, arrows move the selection', async () => {
    await setFilter(page, `pid:${held.child.pid}`);
    await rowFor(page, held.b).waitFor({ timeout: WAIT });
    await page.getByTestId('socket-table').focus();
    await page.keyboard.press('Home');
    expect(await page.locator('[data-testid="socket-row"][aria-selected="true"]').count()).toBe(1);
    await page.keyboard.press(' ');
    await expect.poll(() => page.getByTestId('refresh-0').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.getByTestId('status-refresh').innerText()).toContain('Paused');
    await page.keyboard.press(' ');
    await expect.poll(() => page.getByTestId('refresh-1000').getAttribute('aria-pressed')).toBe('true');
    // Quick presses: the UI ends where the user left it (late echoes of older intervals are ignored).
    for (let i = 0; i < 5; i++) await page.keyboard.press(' ');
    await expect.poll(() => page.getByTestId('refresh-0').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press(' ');
    await expect.poll(() => page.getByTestId('refresh-1000').getAttribute('aria-pressed')).toBe('true');
    // And main polls at that interval: later diffs keep arriving.
    const seq = Number(await page.getByTestId('status-refresh').getAttribute('data-seq'));
    await expect.poll(async () => Number(await page.getByTestId('status-refresh').getAttribute('data-seq')), { timeout: WAIT }).toBeGreaterThan(seq);
  });

  it('columns can be hidden and moved; copy cell puts the value on the clipboard', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    await setFilter(page, `port:${held.b}`);
    const row = rowFor(page, held.b);
    await row.waitFor({ timeout: WAIT });
    await page.getByTestId('columns-button').click();
    await page.getByTestId('column-toggle-user').uncheck();
    expect(await page.getByTestId('col-user').count()).toBe(0);
    await page.getByTestId('column-toggle-user').check();
    expect(await page.getByTestId('col-user').count()).toBe(1);
    await page.getByRole('button', { name: 'Move PID left' }).click();
    const headers = await page.locator('[role="columnheader"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(headers.indexOf('col-pid')).toBeLessThan(headers.indexOf('col-process'));
    await page.getByRole('button', { name: 'Reset columns' }).click();
    await page.getByTestId('columns-button').click();

    await row.locator('[data-col="localPort"]').click({ button: 'right' });
    await page.getByTestId('menu-copy-cell').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(String(held.b));
  });

  it('with "Resolve remote host names" on, a 127.0.0.1 remote shows its name', async () => {
    // Whatever this machine's resolver calls 127.0.0.1 (usually "localhost"; the first name of the hosts
    // file's line); with no name at all the column shows the address, and so does this check.
    const names = await reverse('127.0.0.1').catch((): string[] => []);
    const expected = names[0] ?? '127.0.0.1';
    if (!names[0]) console.warn('reverse DNS e2e: 127.0.0.1 has no name here (/etc/hosts lacks it): checking that the address is shown');
    const { pair, serverPort, clientPort } = await startPair();
    try {
      await setFilter(page, `lport:${clientPort} rport:${serverPort}`);
      const row = rowFor(page, clientPort);
      await row.waitFor({ timeout: WAIT });
      expect(await page.getByTestId('col-remoteHost').count()).toBe(0);
      await setResolveHosts(page, true);
      await page.getByTestId('col-remoteHost').waitFor({ timeout: WAIT });
      await expect.poll(() => row.locator('[data-col="remoteHost"]').innerText(), { timeout: WAIT }).toBe(expected);
      await setResolveHosts(page, false);
      await expect.poll(() => page.getByTestId('col-remoteHost').count()).toBe(0);
    } finally {
      process.kill(pair.pid as number, 'SIGKILL');
    }
  });

  it('close connection from the context menu resets an established TCP connection', async () => {
    const { pair, serverPort, clientPort, output } = await startPair();
    try {
      await setFilter(page, `lport:${clientPort} rport:${serverPort}`);
      const row = rowFor(page, clientPort);
      await row.waitFor({ timeout: WAIT });
      expect(await row.innerText()).toContain('ESTABLISHED');
      await row.click({ button: 'right' });
      expect(await page.getByTestId('menu-close').isDisabled()).toBe(false);
      await page.getByTestId('menu-close').click();
      await page.getByTestId('action-plan-message').waitFor({ timeout: WAIT });
      await page.getByTestId('action-confirm').click();
      await page.getByTestId('action-outcome').waitFor({ timeout: WAIT });
      const outcome = await page.getByTestId('action-outcome').innerText();
      if (/unsupported|not supported/i.test(outcome)) {
        console.warn(`close e2e: this kernel cannot destroy sockets (${outcome}); the honest message was shown`);
      } else {
        expect(outcome).toMatch(/closed/i);
        await expect.poll(() => output().includes('closed\n'), { timeout: WAIT }).toBe(true);
      }
      await page.getByTestId('action-close').click();
    } finally {
      process.kill(pair.pid as number, 'SIGKILL');
    }
  });

  it('kill from the context menu ends the process the test started', async () => {
    await setFilter(page, `port:${held.b}`);
    const row = rowFor(page, held.b);
    await row.waitFor({ timeout: WAIT });
    await row.locator('[data-col="localPort"]').click({ button: 'right' });
    expect(await page.getByTestId('menu-copy-cell').innerText()).toContain('Copy local port');
    const kill = page.getByTestId('menu-kill');
    expect(await kill.isDisabled()).toBe(false);
    // Close is only for established TCP: on a listener it is disabled and says why.
    expect(await page.getByTestId('menu-close').isDisabled()).toBe(true);
    expect(await page.getByTestId('menu-close').innerText()).toContain('Only established TCP connections');
    await page.screenshot({ path: join(tmpdir(), 'portscope-e2e-menu.png') });
    await kill.click();
    const dialog = page.getByTestId('action-dialog');
    await dialog.waitFor();
    await page.getByTestId('kill-plan').waitFor({ timeout: WAIT });
    expect(await page.getByTestId('kill-plan').innerText()).toContain(String(held.child.pid));
    // The grace time is the user's, and the kill is pinned to the process on the row the user saw.
    await page.getByTestId('kill-grace').fill('3');
    await page.screenshot({ path: join(tmpdir(), 'portscope-e2e-kill-dialog.png') });
    const seen = service.engine.latest()?.rows.find((r) => r.localPort === held.b && r.pid === held.child.pid);
    const killRequest = page.waitForRequest((r) => r.url().endsWith('/api/kill') && (JSON.parse(r.postData() ?? '{}') as { confirm?: boolean }).confirm === true);
    await page.getByTestId('action-confirm').click();
    const body = JSON.parse((await killRequest).postData() ?? '{}') as { pid?: number; startKey?: string | null; graceMs?: number };
    expect(body.pid).toBe(held.child.pid);
    expect(body.graceMs).toBe(3000);
    if (seen?.processStartKey) expect(body.startKey).toBe(seen.processStartKey);
    else console.warn('kill e2e: the row carries no processStartKey here; the plan’s fingerprint was sent');
    expect(body.startKey).toBeTruthy();
    await page.getByTestId('action-outcome').waitFor({ timeout: WAIT });
    await expect.poll(exited, { timeout: WAIT }).toBe(true);
    await page.getByTestId('action-close').click();
    await rowFor(page, held.b).waitFor({ state: 'detached', timeout: WAIT });
  });

  it('the audit log tab shows that kill (time, action, target, result)', async () => {
    await page.getByTestId('tab-audit').click();
    const kill = page.locator('[data-testid="audit-row"][data-action="kill"]').first();
    await kill.waitFor({ timeout: WAIT });
    const text = await kill.innerText();
    expect(text).toContain(`pid ${held.child.pid}`);
    expect(text).toMatch(/ended/);
    expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    // The close attempt earlier in this run is there too, below the newer kill.
    const actions = await page.getByTestId('audit-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    expect(actions[0]).toBe('kill');
    expect(actions).toContain('close');
    await page.getByTestId('tab-sockets').click();
  });
});
