/**
 * The test listener manager: several TCP/UDP listeners at once, each with a reply mode, an auto-stop
 * timer and a capped live log. Changes are reported through onChange (throttled while traffic flows,
 * immediate on start/stop); the service turns them into `{type:'listener'}` pushes.
 */
import net from 'node:net';
import type dgram from 'node:dgram';
import { randomUUID } from 'node:crypto';
import type { BindFailureResult } from '../../shared/api';
import {
  DEFAULT_LISTEN_TIMEOUT_SEC,
  LISTENER_LOG_CAP,
  type ListenRequest,
  type ListenerInfo,
  type ListenerLogEntry,
  type LocalAddress,
} from '../../shared/listener';
import { err, ok, type Result } from '../../shared/result';
import { appendFirstBytes, bytesAsHex, bytesAsText } from './first-bytes';
import { bannerBytes, httpRequestComplete, httpResponse, udpReply } from './reply';
import { bindTcp, bindUdp } from './bind';
import { explainFailedBind, type BindFactSources } from './bind-facts';
import { clientCommands } from './client-commands';
import { firewallRuleName, type FirewallRules } from './firewall-rule';

export interface ListenerManagerOptions {
  onChange(info: ListenerInfo): void;
  facts: BindFactSources;
  localAddresses(): LocalAddress[];
  /** Windows only; absent elsewhere. */
  firewall?: FirewallRules;
  logCap?: number;
  /** Coalesce log pushes for a busy listener (ms). */
  notifyDelayMs?: number;
  /** Stopped listeners kept for their logs. */
  keepStopped?: number;
}

export interface ListenerManager {
  start(request: ListenRequest): Promise<Result<ListenerInfo | BindFailureResult>>;
  /** Stop one listener; null when the id is unknown. */
  stop(id: string, reason?: string): Promise<ListenerInfo | null>;
  stopAll(reason?: string): Promise<ListenerInfo[]>;
  list(): ListenerInfo[];
  dispose(): Promise<void>;
}

interface Running {
  info: ListenerInfo;
  close(): Promise<void>;
  timer: NodeJS.Timeout;
  notifyTimer: NodeJS.Timeout | null;
  nextSeq: number;
  /**
   * The firewall rule add still in flight (the UAC prompt can take minutes). A stop that happens
   * meanwhile waits for it, so a rule added after the listener stopped is still removed.
   */
  firewallPending: Promise<void> | null;
  /** Set by the first stop; later stops (timeout, stop all, quit) wait for the same teardown. */
  stopping: Promise<void> | null;
}

const MAX_TCP_CONNECTIONS = 256;

/** Dual-stack sockets report IPv4 peers as ::ffff:1.2.3.4; people know them as 1.2.3.4. */
export const plainPeerAddress = (address: string | undefined): string => (address ?? '?').replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');

/** Accepts IP literals (brackets optional); null for anything else. */
export function normalizeBindHost(host: string | undefined): string | null {
  if (host === undefined || host === '') return '::';
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  return net.isIP(bare) ? bare : null;
}

const copyInfo = (info: ListenerInfo): ListenerInfo => ({ ...info, log: info.log.map((e) => ({ ...e })) });

export function createListenerManager(options: ListenerManagerOptions): ListenerManager {
  const listeners = new Map<string, Running>();
  const logCap = options.logCap ?? LISTENER_LOG_CAP;
  const delay = options.notifyDelayMs ?? 100;
  const keepStopped = options.keepStopped ?? 20;

  const flush = (run: Running): void => {
    if (run.notifyTimer) clearTimeout(run.notifyTimer);
    run.notifyTimer = null;
    options.onChange(copyInfo(run.info));
  };
  // After a stop, stopRun's own flush carries the final state; later socket events need no push.
  const notify = (run: Running): void => {
    if (!run.notifyTimer && run.info.running) run.notifyTimer = setTimeout(() => flush(run), delay);
  };

  const addEntry = (run: Running, peerAddress: string | undefined, peerPort: number | undefined): ListenerLogEntry => {
    const entry: ListenerLogEntry = {
      seq: run.nextSeq++,
      time: new Date().toISOString(),
      peerAddress: plainPeerAddress(peerAddress),
      peerPort: peerPort ?? 0,
      bytesIn: 0,
      bytesOut: 0,
      firstBytesText: '',
      firstBytesHex: '',
      endedAt: null,
    };
    run.info.log.push(entry);
    run.info.peerCount++;
    if (run.info.log.length > logCap) run.info.log.splice(0, run.info.log.length - logCap);
    return entry;
  };

  const keepFirst = (entry: ListenerLogEntry, kept: Buffer, chunk: Buffer): Buffer => {
    const next = appendFirstBytes(kept, chunk);
    if (next !== kept) {
      entry.firstBytesText = bytesAsText(next);
      entry.firstBytesHex = bytesAsHex(next);
    }
    return next;
  };

  function serveTcp(server: net.Server, run: Running): () => Promise<void> {
    const sockets = new Set<net.Socket>();
    const { reply, port } = run.info;
    server.maxConnections = MAX_TCP_CONNECTIONS;
    server.on('connection', (socket) => {
      sockets.add(socket);
      const entry = addEntry(run, socket.remoteAddress, socket.remotePort);
      let first: Buffer = Buffer.alloc(0);
      let request: Buffer = Buffer.alloc(0);
      let answered = false;
      const send = (bytes: Buffer, end = false): void => {
        entry.bytesOut += bytes.length;
        if (end) socket.end(bytes);
        else socket.write(bytes);
      };
      const answerHttp = (): void => {
        if (answered) return;
        answered = true;
        send(httpResponse(port, 'tcp'), true);
      };
      if (reply.kind === 'banner') send(bannerBytes(reply.text));
      socket.on('data', (chunk: Buffer) => {
        entry.bytesIn += chunk.length;
        first = keepFirst(entry, first, chunk);
        if (reply.kind === 'echo') send(chunk);
        else if (reply.kind === 'http' && !answered) {
          request = Buffer.concat([request, chunk]).subarray(0, 8192);
          if (httpRequestComplete(request)) answerHttp();
        }
        notify(run);
      });
      socket.on('end', () => {
        // allowHalfOpen: the peer finished sending; answer (http) and close our side.
        if (reply.kind === 'http') answerHttp();
        else socket.end();
      });
      socket.on('error', () => undefined); // resets are normal peer behaviour; 'close' records the end
      socket.on('close', () => {
        sockets.delete(socket);
        entry.endedAt = new Date().toISOString();
        notify(run);
      });
      notify(run);
    });
    return async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    };
  }

  function serveUdp(socket: dgram.Socket, run: Running): () => Promise<void> {
    socket.on('message', (datagram, peer) => {
      const entry = addEntry(run, peer.address, peer.port);
      entry.bytesIn = datagram.length;
      keepFirst(entry, Buffer.alloc(0), datagram);
      entry.endedAt = entry.time;
      const answer = udpReply(run.info.reply, datagram, run.info.port);
      if (answer) {
        entry.bytesOut = answer.length;
        socket.send(answer, peer.port, peer.address);
      }
      notify(run);
    });
    socket.on('error', () => undefined); // ICMP errors from a peer that went away; keep listening
    return () => new Promise<void>((resolve) => socket.close(() => resolve()));
  }

  function stopRun(run: Running, reason: string): Promise<ListenerInfo> {
    run.stopping ??= finishRun(run, reason);
    return run.stopping.then(() => copyInfo(run.info));
  }

  async function finishRun(run: Running, reason: string): Promise<void> {
    run.info.running = false;
    run.info.stopReason = reason;
    clearTimeout(run.timer);
    await run.close().catch(() => undefined);
    if (run.firewallPending) await run.firewallPending;
    const firewall = run.info.firewall;
    if (firewall?.added && options.firewall) {
      const removed = await options.firewall.remove(firewall.ruleName, run.info.port, run.info.protocol).catch(() => false);
      run.info.firewall = {
        ...firewall,
        added: false,
        message: removed ? `Rule "${firewall.ruleName}" removed.` : `Could not remove rule "${firewall.ruleName}": remove it in Windows Defender Firewall.`,
      };
    }
    flush(run);
    // Keep a few stopped listeners so their logs stay visible.
    const stopped = [...listeners.values()].filter((r) => !r.info.running);
    for (const old of stopped.slice(0, Math.max(0, stopped.length - keepStopped))) listeners.delete(old.info.id);
  }

  async function bindRequested(request: ListenRequest, host: string): Promise<{ ok: true; close: (run: Running) => () => Promise<void> } | { ok: false; errno: string }> {
    if (request.protocol === 'udp') {
      const outcome = await bindUdp(host, request.port);
      if (!outcome.ok) return outcome;
      return { ok: true, close: (run) => serveUdp(outcome.socket, run) };
    }
    const server = net.createServer({ allowHalfOpen: true });
    const outcome = await bindTcp(server, host, request.port);
    if (!outcome.ok) return outcome;
    return { ok: true, close: (run) => serveTcp(server, run) };
  }

  return {
    async start(request) {
      const host = normalizeBindHost(request.host);
      if (host === null) {
        return err('BAD_INPUT', `"${request.host}" is not an IP address: give 0.0.0.0, ::, 127.0.0.1, ::1 or one of this machine's addresses.`);
      }
      let boundHost = host;
      let bound = await bindRequested(request, host);
      // "All addresses" on a machine without IPv6: fall back to IPv4 only.
      if (!bound.ok && request.host === undefined && (bound.errno === 'EAFNOSUPPORT' || bound.errno === 'EADDRNOTAVAIL')) {
        boundHost = '0.0.0.0';
        bound = await bindRequested(request, boundHost);
      }
      if (!bound.ok) {
        const bindFailure = await explainFailedBind(bound.errno, { port: request.port, protocol: request.protocol, host: boundHost }, options.facts);
        return ok({ bindFailure });
      }
      const timeoutSec = request.timeoutSec ?? DEFAULT_LISTEN_TIMEOUT_SEC;
      const started = new Date();
      const families = boundHost === '::' ? 'dual' : boundHost.includes(':') ? '6' : '4';
      const info: ListenerInfo = {
        id: randomUUID(),
        port: request.port,
        protocol: request.protocol,
        host: boundHost,
        families,
        reply: request.reply,
        startedAt: started.toISOString(),
        stopsAt: new Date(started.getTime() + timeoutSec * 1000).toISOString(),
        running: true,
        stopReason: null,
        peerCount: 0,
        log: [],
        clientCommands: clientCommands(request.port, request.protocol, boundHost, families, options.localAddresses()),
        firewall: null,
      };
      const run: Running = {
        info,
        close: async () => undefined,
        timer: setTimeout(() => void stopRun(run, 'timeout'), timeoutSec * 1000),
        notifyTimer: null,
        nextSeq: 1,
        firewallPending: null,
        stopping: null,
      };
      run.close = bound.close(run);
      listeners.set(info.id, run);
      const firewallRules = options.firewall;
      if (request.openFirewall && firewallRules) {
        const { port, protocol } = request;
        run.firewallPending = firewallRules
          .add(port, protocol)
          .catch((error: unknown) => ({
            ruleName: firewallRuleName(port, protocol),
            added: false,
            message: `The firewall rule was not added: ${error instanceof Error ? error.message : String(error)}`,
          }))
          .then((outcome) => {
            info.firewall = outcome;
            run.firewallPending = null;
          });
        await run.firewallPending;
      }
      // Stopped while the rule was being added: the stop removes the rule and pushes the final state.
      if (run.stopping) return ok(await stopRun(run, 'stopped'));
      flush(run);
      return ok(copyInfo(info));
    },
    async stop(id, reason = 'stopped') {
      const run = listeners.get(id);
      return run ? stopRun(run, reason) : null;
    },
    async stopAll(reason = 'stopped') {
      const running = [...listeners.values()].filter((r) => r.info.running);
      return Promise.all(running.map((r) => stopRun(r, reason)));
    },
    list: () => [...listeners.values()].map((r) => copyInfo(r.info)),
    async dispose() {
      // Stops already under way (waiting for a firewall rule to be added and removed) are waited for too.
      await Promise.all([...listeners.values()].map((r) => stopRun(r, 'quit')));
      for (const run of listeners.values()) if (run.notifyTimer) clearTimeout(run.notifyTimer);
    },
  };
}
