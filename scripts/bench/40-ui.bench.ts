/**
 * UI at scale: Debian Chromium (playwright-core) through `portscope web` (the built CLI, spawned) with the
 * load generator holding ~10k and ~40k sockets and 1% churn per second, the page refreshing every 1 s.
 * Prints per size: initial render (navigation start to the table showing every row), once with a cold
 * engine (a server just started: its first poll runs while the page loads, as when a user starts
 * `portscope web`) and on reload with the engine live (median of 5 reloads); the longest task (PerformanceObserver 'longtask') while
 * diffs apply for ~10 s; the renderer heap after a GC (CDP Runtime.getHeapUsage). Last, at the largest
 * size, what TCPView chokes on: tens of thousands of connections closed at once into TIME_WAIT beside the
 * load, watched until they have expired (their rows come, then go, in a few large diffs).
 * Printed, never asserted.
 * Flags: --ui-sizes 10000,40000  --ui-seconds S  --ui-time-wait N (default 30000)  --no-time-wait.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startPersistentProcess, type PersistentProcess } from '../../src/main/lib/exec';
import { leaveTimeWait, startLoad, TIME_WAIT_MS } from './load/load-generator';
import { cores, median, mib, ms, numberArg, sleep } from './load/measure';

const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/out\/$/, '');
const CLI = `${root}bin/portscope.mjs`;
const CHROMIUM = process.env.PORTSCOPE_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Reloads timed with the engine live (their median is printed). */
const RELOADS = 5;

/**
 * Runs in the page before its scripts: collect long tasks, count pushed diffs and whole snapshots pulled,
 * ask for a 1 s refresh. Counted in the page, not through Playwright's frame and request events: those
 * copy every frame to the bench process, work on the same 2 cores while the page is measured.
 */
const INIT = `
window.__longtasks = [];
window.__diffs = 0;
performance.setResourceTimingBufferSize(10000); // the default 250 could drop the /api/list entries
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longtasks.push(e.duration); })
  .observe({ type: 'longtask', buffered: true });
const PageWebSocket = window.WebSocket;
window.WebSocket = class extends PageWebSocket {
  constructor(...args) {
    super(...args);
    this.addEventListener('message', (e) => { if (typeof e.data === 'string' && e.data.startsWith('{"type":"diff"')) window.__diffs++; });
  }
};
if (!localStorage.getItem('portscope.refresh.v1')) localStorage.setItem('portscope.refresh.v1', JSON.stringify({ refreshMs: 1000 }));
`;

/** The few page globals the bench reads (this file compiles without the DOM lib; the page's CSP forbids eval). */
interface PageGlobals {
  document: { querySelector(selector: string): { getAttribute(name: string): string | null } | null };
  __visibleAt?: number;
  __longtasks: number[];
  __diffs: number;
  performance: { getEntriesByType(type: string): { name: string }[] };
}

interface WebProcess {
  url: string;
  child: PersistentProcess;
}

function startWeb(): Promise<WebProcess> {
  const child = startPersistentProcess(process.execPath, [CLI, 'web', '--no-open', '--port', '0']);
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`portscope web printed no URL: ${text}`)), 30_000);
    child.onStdout((chunk) => {
      text += chunk.toString('utf8');
      const m = /PortScope UI: (http:\/\/\S+)/.exec(text);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, child });
      }
    });
    child.onExit((code, error) => {
      clearTimeout(timer);
      reject(error ?? new Error(`portscope web exited (${code}): ${text}`));
    });
  });
}

/** Diffs pushed to the page and whole snapshots (`/api/list`) it asked for, since it loaded. */
function pageCounts(page: Page): Promise<{ diffs: number; pulls: number }> {
  return page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    return { diffs: g.__diffs, pulls: g.performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/api/list')).length };
  });
}

/** Milliseconds from navigation start until the table reports at least `rows` rows and shows some. */
async function renderTime(page: Page, rows: number, navigate: () => Promise<unknown>): Promise<number> {
  await navigate();
  await page.waitForFunction(
    (wanted) => {
      const g = globalThis as unknown as PageGlobals;
      const count = Number(g.document.querySelector('[data-testid="socket-table"]')?.getAttribute('aria-rowcount') ?? 0);
      if (count < wanted || !g.document.querySelector('[data-testid="socket-row"]')) return false;
      g.__visibleAt ??= performance.now();
      return true;
    },
    rows,
    { polling: 'raf', timeout: 120_000 },
  );
  return page.evaluate(() => (globalThis as unknown as PageGlobals).__visibleAt ?? NaN);
}

/** Rows the table says it has. */
function tableRows(page: Page): Promise<number> {
  return page.evaluate(() =>
    Number((globalThis as unknown as PageGlobals).document.querySelector('[data-testid="socket-table"]')?.getAttribute('aria-rowcount') ?? 0),
  );
}

/** Watched past TIME_WAIT_MS after the burst, so the rows that expire are gone from the table too. */
const TIME_WAIT_WATCH_MARGIN_MS = 10_000;

/** `count` connections closed into TIME_WAIT beside the load: the page's long tasks while their rows come and go. */
async function measureTimeWaitBurst(page: Page, count: number): Promise<void> {
  await page.evaluate(() => void ((globalThis as unknown as PageGlobals).__longtasks = []));
  const countsBefore = await pageCounts(page);
  const rowsBefore = await tableRows(page);
  const started = performance.now();
  const closed = await leaveTimeWait(count);
  let peak = rowsBefore;
  while (performance.now() - started < TIME_WAIT_MS + TIME_WAIT_WATCH_MARGIN_MS) {
    await sleep(1000);
    peak = Math.max(peak, await tableRows(page));
  }
  const watched = (performance.now() - started) / 1000;
  const tasks = await page.evaluate(() => (globalThis as unknown as PageGlobals).__longtasks);
  const countsAfter = await pageCounts(page);
  const rowsAfter = await tableRows(page);
  const longest = tasks.length ? Math.max(...tasks) : 0;
  const diffs = countsAfter.diffs - countsBefore.diffs;
  const pulls = countsAfter.pulls - countsBefore.pulls;
  console.log(`  ${closed.toLocaleString('en')} connections closed into TIME_WAIT at once: the table went ${rowsBefore.toLocaleString('en')} → ${peak.toLocaleString('en')} → ${rowsAfter.toLocaleString('en')} rows as they came and expired`);
  console.log(
    `  longest task meanwhile (${watched.toFixed(0)} s, ${diffs} diffs, ${pulls} re-pulls)  ${ms(longest)}   ${tasks.length} long tasks [${tasks.map((t) => t.toFixed(0)).join(', ')}] (target: none > 50 ms)`,
  );
}

async function measureSize(browser: Browser, sockets: number, seconds: number, timeWait: number): Promise<void> {
  const load = await startLoad({ sockets, churnPercent: 1 });
  const web = await startWeb();
  const context = await browser.newContext();
  try {
    await context.addInitScript(INIT);
    const page = await context.newPage();
    const wanted = Math.floor(load.sockets * 0.95); // churn may briefly hide a few
    const cold = await renderTime(page, wanted, () => page.goto(web.url, { waitUntil: 'commit' }));
    await sleep(1500);
    // The first load has long tasks (page start, the first snapshot): proof the observer reports them here.
    const loadTasks = await page.evaluate(() => (globalThis as unknown as PageGlobals).__longtasks);
    // Several reloads, 1.5 s apart: whether one meets a poll under way is luck, so one reload says little.
    const warmRuns: number[] = [];
    for (let i = 0; i < RELOADS; i++) {
      warmRuns.push(await renderTime(page, wanted, () => page.reload({ waitUntil: 'commit' })));
      await sleep(1500);
    }
    const warm = median(warmRuns);
    await page.evaluate(() => void ((globalThis as unknown as PageGlobals).__longtasks = []));
    const countsBefore = await pageCounts(page);
    await sleep(seconds * 1000);
    const tasks = await page.evaluate(() => (globalThis as unknown as PageGlobals).__longtasks);
    const countsAfter = await pageCounts(page);
    const diffs = countsAfter.diffs - countsBefore.diffs;
    const pulls = countsAfter.pulls - countsBefore.pulls; // a re-pull after a gap is a 24 MB parse at 40k
    const rowCount = await tableRows(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
    const longest = tasks.length ? Math.max(...tasks) : 0;
    console.log(`\n${load.sockets.toLocaleString('en')} load sockets, 1% churn/s, refresh 1 s; table shows ${rowCount.toLocaleString('en')} rows`);
    console.log(`  initial render, cold engine (navigation → all rows)   ${ms(cold)}`);
    const spread = `${Math.min(...warmRuns).toFixed(0)}–${Math.max(...warmRuns).toFixed(0)}`;
    console.log(`  initial render, engine live (reload → all rows)      ${ms(warm)}   median of ${RELOADS} (${spread} ms; target < 1000 ms at 40k)`);
    console.log(
      `  longest task while diffs apply (${seconds} s, ${diffs} diffs, ${pulls} re-pulls)  ${ms(longest)}   ${tasks.length} long tasks [${tasks.map((t) => t.toFixed(0)).join(', ')}] (target: none > 50 ms)`,
    );
    console.log(`  longest task during the first load, for comparison  ${ms(loadTasks.length ? Math.max(...loadTasks) : 0)}   ${loadTasks.length} long tasks (the observer works when this is > 0)`);
    console.log(`  renderer heap after GC                               ${mib(heap.usedSize).padStart(11)}   of ${mib(heap.totalSize)} (target < 200 MB)`);
    if (timeWait > 0) await measureTimeWaitBurst(page, timeWait);
  } finally {
    await context.close();
    web.child.kill();
    await load.stop();
  }
}

export async function run(args: string[]): Promise<void> {
  if (process.platform !== 'linux' || !existsSync(CHROMIUM) || !existsSync(`${root}out/renderer/index.html`)) {
    console.log(`UI bench skipped: needs Linux, Chromium at ${CHROMIUM} and a built renderer (npm run build)`);
    return;
  }
  const at = args.indexOf('--ui-sizes');
  const sizes = at >= 0 ? (args[at + 1] ?? '').split(',').map(Number).filter((n) => n > 0) : [10_000, 40_000];
  const seconds = numberArg(args, '--ui-seconds', 10);
  const timeWait = args.includes('--no-time-wait') ? 0 : numberArg(args, '--ui-time-wait', 30_000);
  console.log(`UI bench on ${cores()} cores (Chromium ${CHROMIUM}, the web server and the load share them)`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    const largest = Math.max(...sizes);
    for (const size of sizes) await measureSize(browser, size, seconds, size === largest ? timeWait : 0);
  } finally {
    await browser.close();
  }
}
