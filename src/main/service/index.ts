/**
 * The service: PortScopeApi implemented once in main. Electron IPC, the web server and the CLI all call
 * `dispatch`, which validates the payload with the method's zod schema before the handler sees it.
 * Each area (engine, catalog, actions, listener) contributes its handlers; this file only composes.
 */
import { API_METHODS, type ApiMethod, type PushEvent } from '../../shared/api';
import { apiInputSchemas } from '../../shared/api-schemas';
import { err, type Result } from '../../shared/result';
import type { Handlers } from './handlers';
import { createEngineHandlers } from './engine-handlers';
import { createCatalogHandlers } from './catalog-handlers';
import { createActionHandlers } from './action-handlers';
import { createListenerHandlers } from './listener-handlers';
import { createDnsHandlers } from './dns-handlers';
import { createEngine, type Engine } from '../engine/engine';
import { localRowAnnotator } from '../catalog/index';
import { disposeWindowsPowerShell } from '../collectors/windows/windows-powershell';

export interface ServiceOptions {
  /** Poll interval in ms; 0 = paused. */
  pollIntervalMs?: number;
  /** Where the audit log and settings live (Electron userData, or ~/.portscope for CLI/web). */
  dataDir?: string;
  /** Open a folder in the OS file manager (Electron shell); absent in CLI/web. */
  openPath?: (path: string) => Promise<boolean>;
}

export interface PortScopeService {
  engine: Engine;
  dispatch(method: string, input: unknown): Promise<Result<unknown>>;
  subscribe(handler: (event: PushEvent) => void): () => void;
  dispose(): Promise<void>;
}

export function isApiMethod(name: string): name is ApiMethod {
  return (API_METHODS as readonly string[]).includes(name);
}

export function createService(options: ServiceOptions = {}): PortScopeService {
  const subscribers = new Set<(event: PushEvent) => void>();
  const emit = (event: PushEvent): void => {
    for (const handler of subscribers) handler(event);
  };
  const engine = createEngine({ intervalMs: options.pollIntervalMs ?? 2000, emit, annotate: localRowAnnotator });
  const listener = createListenerHandlers({ engine, emit });
  const handlers: Handlers = {
    ...createEngineHandlers({ engine, emit }),
    ...createCatalogHandlers(),
    ...createActionHandlers({ engine, dataDir: options.dataDir }),
    ...listener.handlers,
    ...createDnsHandlers(),
    openPath: async ({ path }) =>
      options.openPath
        ? { ok: true, value: { opened: await options.openPath(path) } }
        : err('UNSUPPORTED', 'Opening folders is only available in the desktop app.'),
  };

  return {
    engine,
    async dispatch(method, input) {
      if (!isApiMethod(method)) return err('BAD_INPUT', `Unknown method "${method}".`);
      const parsed = apiInputSchemas[method].safeParse(input ?? {});
      if (!parsed.success) {
        return err('BAD_INPUT', `Invalid input for ${method}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')}`);
      }
      const handler = handlers[method] as (input: unknown) => Promise<Result<unknown>>;
      try {
        return await handler(parsed.data);
      } catch (error) {
        return err('FAILED', `${method} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    subscribe(handler) {
      subscribers.add(handler);
      return () => subscribers.delete(handler);
    },
    async dispose() {
      engine.stop();
      disposeWindowsPowerShell();
      await listener.dispose();
    },
  };
}
