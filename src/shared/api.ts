/**
 * PortScopeApi: the one interface every face codes against (renderer via Electron IPC or WebSocket/HTTP,
 * CLI in-process). Declared once here as a method table; each transport is generated from API_METHODS,
 * so a new method is one line in ApiMethods + one schema in api-schemas.ts + one handler in main.
 * No zod here: the preload bundles this file and must stay small.
 */
import type { Result } from './result';
import type { Snapshot, SnapshotDiff, SocketRow } from './types';
import type { AuditEntry, CloseOutcome, CloseRequest, KillOutcome, KillRequest, StopServiceOutcome, StopServiceRequest } from './actions';
import type { ListenRequest, ListenerInfo, LocalAddress, ProbeOutcome, ProbeRequest, BindFailure } from './listener';
import type { PortDescription } from './catalog/types';

export interface ListInput {
  listening?: boolean;
  protocol?: 'tcp' | 'udp';
  port?: number;
  pid?: number;
  process?: string;
}

/** Method name -> [input, output]. */
export interface ApiMethods {
  list: [ListInput, Snapshot];
  who: [{ port: number; protocol?: 'tcp' | 'udp' }, SocketRow[]];
  describe: [{ ports: { port: number; protocol?: 'tcp' | 'udp' }[] }, PortDescription[]];
  setPollInterval: [{ ms: number }, { ms: number }];
  kill: [KillRequest, KillOutcome];
  close: [CloseRequest, CloseOutcome];
  auditLog: [Record<string, never>, AuditEntry[]];
  stopService: [StopServiceRequest, StopServiceOutcome];
  listenStart: [ListenRequest, ListenerInfo | BindFailureResult];
  listenStop: [{ id?: string; all?: boolean }, ListenerInfo[]];
  listeners: [Record<string, never>, ListenerInfo[]];
  probe: [ProbeRequest, ProbeOutcome];
  localAddresses: [Record<string, never>, LocalAddress[]];
  openPath: [{ path: string }, { opened: boolean }];
  /** Reverse DNS for remote addresses (the "Remote host" column); null = no name. Cached in main. */
  resolveHosts: [{ addresses: string[] }, { hosts: Record<string, string | null> }];
}

export interface BindFailureResult {
  bindFailure: BindFailure;
}

export type ApiMethod = keyof ApiMethods;
export type ApiInput<M extends ApiMethod> = ApiMethods[M][0];
export type ApiOutput<M extends ApiMethod> = ApiMethods[M][1];

/** The runtime list of method names: transports loop over it. Adding a method adds it here. */
export const API_METHODS = [
  'list',
  'who',
  'describe',
  'setPollInterval',
  'kill',
  'close',
  'auditLog',
  'stopService',
  'listenStart',
  'listenStop',
  'listeners',
  'probe',
  'localAddresses',
  'openPath',
  'resolveHosts',
] as const satisfies readonly ApiMethod[];

/** Events main pushes to the renderer after the first `list`. */
export type PushEvent =
  | { type: 'diff'; diff: SnapshotDiff }
  | { type: 'listener'; listener: ListenerInfo }
  | { type: 'poll-interval'; ms: number }
  /** Desktop menu commands the renderer carries out (File › Export…, View › Toggle theme). */
  | { type: 'menu'; command: 'export' | 'toggle-theme' };

export type ApiCalls = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<Result<ApiOutput<M>>> };

export interface PortScopeApi extends ApiCalls {
  /** Receive pushed events; returns the unsubscribe function. */
  subscribe(handler: (event: PushEvent) => void): () => void;
}

/** Build a typed client from one generic `invoke`: both the preload and the web client use this. */
export function createApiClient(
  invoke: (method: ApiMethod, input: unknown) => Promise<unknown>,
  subscribe: PortScopeApi['subscribe'],
): PortScopeApi {
  const calls = Object.fromEntries(
    API_METHODS.map((method) => [method, (input: unknown) => invoke(method, input ?? {})]),
  ) as unknown as ApiCalls;
  return { ...calls, subscribe };
}
