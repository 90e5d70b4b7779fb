/**
 * The load generator: child processes (scripts/bench/load/holder.mjs) that hold N loopback TCP sockets in
 * total (both ends counted: N/2 connections), spread over several listening ports on 127.0.0.1 so the
 * ephemeral range suffices. Each child runs under `prlimit --nofile` (argv, never a shell) because 40k
 * sockets exceed the default fd limit. Stopping kills only these children, by their pids.
 */
import { resolveTool, runFile, runTool, startPersistentProcess, type PersistentProcess } from '../../../src/main/lib/exec';
import { benchHelper } from './measure';

export interface LoadOptions {
  /** Total sockets wanted (both ends of each connection); rounded to an even number. */
  sockets: number;
  /** Percent of connections reset and reopened every second (0 = steady). */
  churnPercent?: number;
  /** Sockets per child process (default 10,000 — 5,000 connections). */
  socketsPerChild?: number;
  /** Listening ports per child (default 4). */
  portsPerChild?: number;
  /** Give up when the children are not ready after this long (default 120 s). */
  timeoutMs?: number;
}

export interface LoadChild {
  pid: number;
  ports: number[];
  connections: number;
}

export interface Load {
  children: LoadChild[];
  /** Sockets held: 2 per connection plus one listener per port. */
  sockets: number;
  connections: number;
  stop(): Promise<void>;
}

const HOLDER = benchHelper('holder.mjs');
const TIME_WAIT = benchHelper('time-wait.mjs');
/** How long Linux keeps a socket in TIME_WAIT (TCP_TIMEWAIT_LEN). */
export const TIME_WAIT_MS = 60_000;
const NOFILE_WANTED = 65536;

/** The fd limit to ask for: 65536, or the hard limit when lower (a container without CAP_SYS_RESOURCE). */
async function nofileLimit(): Promise<number | null> {
  const out = await runTool('prlimit', ['--nofile', '--noheadings', '--raw', '--output', 'HARD']);
  if (!out || out.exitCode !== 0) return null;
  const text = out.stdout.toString('utf8').trim();
  if (text === 'unlimited') return NOFILE_WANTED;
  const hard = Number(text);
  return Number.isInteger(hard) && hard > 0 ? Math.min(hard, NOFILE_WANTED) : null;
}

function waitReady(child: PersistentProcess, timeoutMs: number): Promise<LoadChild> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    // the child's pipes are unref'd: this timer also keeps Node alive while we wait
    const timer = setTimeout(() => reject(new Error(`load child ${child.pid} not ready after ${timeoutMs} ms`)), timeoutMs);
    child.onStdout((chunk) => {
      buffered += chunk.toString('utf8');
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        const message = JSON.parse(line) as { ready?: LoadChild; error?: string };
        if (message.ready) {
          clearTimeout(timer);
          resolve(message.ready);
        } else if (message.error) {
          clearTimeout(timer);
          reject(new Error(`load child failed: ${message.error}`));
        }
      }
    });
    child.onExit((code, error) => {
      clearTimeout(timer);
      reject(error ?? new Error(`load child exited (code ${code}) before it was ready`));
    });
  });
}

function waitExit(child: PersistentProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    child.onExit(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export async function startLoad(options: LoadOptions): Promise<Load> {
  const perChild = options.socketsPerChild ?? 10_000;
  const ports = options.portsPerChild ?? 4;
  const connections = Math.max(1, Math.round(options.sockets / 2));
  const childCount = Math.max(1, Math.ceil((connections * 2) / perChild));
  const prlimit = await resolveTool('prlimit');
  const nofile = prlimit ? await nofileLimit() : null;
  const processes: PersistentProcess[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(
      processes.map((child) => {
        child.write('exit\n');
        const exited = waitExit(child, 5_000);
        child.kill(); // SIGTERM to this pid only; the holder exits cleanly on it
        return exited;
      }),
    );
  };
  try {
    const ready: Promise<LoadChild>[] = [];
    for (let i = 0; i < childCount; i++) {
      const share = Math.floor(connections / childCount) + (i < connections % childCount ? 1 : 0);
      const holderArgs = [HOLDER, String(share), String(ports), String(options.churnPercent ?? 0)];
      const child = prlimit && nofile
        ? startPersistentProcess(prlimit, [`--nofile=${nofile}`, process.execPath, ...holderArgs])
        : startPersistentProcess(process.execPath, holderArgs);
      processes.push(child);
      ready.push(waitReady(child, options.timeoutMs ?? 120_000));
    }
    const children = await Promise.all(ready);
    const held = children.reduce((sum, c) => sum + c.connections, 0);
    return { children, connections: held, sockets: held * 2 + children.length * ports, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Leave `count` loopback sockets in TIME_WAIT (owned by no process; gone after TIME_WAIT_MS). Returns how many closed. */
export async function leaveTimeWait(count: number): Promise<number> {
  const out = await runFile(process.execPath, [TIME_WAIT, String(count)], { timeoutMs: 120_000 });
  if (out.exitCode !== 0) throw new Error(`time-wait.mjs failed: ${out.stderr.toString('utf8').trim()}`);
  return (JSON.parse(out.stdout.toString('utf8')) as { closed: number }).closed;
}
