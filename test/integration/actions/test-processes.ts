/** Real child processes for the kill tests: started here, ended only by their pid. */
import { spawn, type ChildProcess } from 'node:child_process';

export interface Started {
  child: ChildProcess;
  pid: number;
  port: number;
  /** pid of the grandchild, for tree scripts. */
  childPid?: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const LISTEN = `const s = require('net').createServer().listen(0, '127.0.0.1', () => { report({ pid: process.pid, port: s.address().port }); });`;
const REPORT = `const report = (o) => process.stdout.write(JSON.stringify(o) + '\\n');`;

export const SCRIPTS = {
  /** Listens; the default SIGTERM action ends it. */
  graceful: `${REPORT} ${LISTEN}`,
  /** Listens and ignores SIGTERM: only SIGKILL ends it. */
  stubborn: `${REPORT} process.on('SIGTERM', () => {}); ${LISTEN}`,
  /** Listens and has a child of its own (which also ignores nothing and just waits). */
  tree: `${REPORT} const c = require('child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const s = require('net').createServer().listen(0, '127.0.0.1', () => report({ pid: process.pid, port: s.address().port, childPid: c.pid }));`,
  /** A tiny supervisor: runs a listener on a fixed port and starts a new one whenever it dies. */
  supervisor: `${REPORT} const { spawn } = require('child_process'); let port = 0;
    const worker = (p) => { const w = spawn(process.execPath, ['-e', "const s=require('net').createServer().listen(" + p + ",'127.0.0.1',()=>process.stdout.write(String(s.address().port)+'\\\\n'))"], { stdio: ['ignore', 'pipe', 'ignore'] });
      w.stdout.once('data', (d) => { if (!port) { port = Number(String(d).trim()); report({ pid: process.pid, port, childPid: w.pid }); } });
      w.on('exit', () => setTimeout(() => worker(port), 100)); };
    worker(0); process.on('SIGTERM', () => process.exit(0));`,
} as const;

/** Start `node -e script` and wait for its JSON report line. */
export function startScript(script: string, options: { uid?: number } = {}): Promise<Started> {
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'], ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}) });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error('test process did not report in 10 s')), 10_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n')[0];
      if (buffer.includes('\n') && line) {
        clearTimeout(timer);
        const info = JSON.parse(line) as { pid: number; port: number; childPid?: number };
        resolve({ child, exited, ...info });
      }
    });
    child.on('error', reject);
  });
}

/** Cleanup: SIGKILL pids this test started, ignoring those already gone. */
export function killStarted(pids: Iterable<number | undefined>): void {
  for (const pid of pids) {
    if (!pid) continue;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
