/**
 * The built preload must be CommonJS (a sandboxed renderer cannot load an ES-module preload), and it
 * must work the way the sandbox runs it: run here in a vm with only a stand-in `require('electron')`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { API_METHODS } from '../../../src/shared/api';

const preload = path.resolve('out/preload/index.cjs');
const built = existsSync(preload);
if (!built) console.warn(`preload build checks skipped: ${preload} is missing — run \`npm run build\` first.`);

function runPreload() {
  const exposed = new Map<string, Record<string, unknown>>();
  const invoked: { channel: string; input: unknown }[] = [];
  const listeners = new Map<string, (event: unknown, payload: unknown) => void>();
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: Record<string, unknown>) => exposed.set(key, value) },
    ipcRenderer: {
      invoke: async (channel: string, input: unknown) => {
        invoked.push({ channel, input });
        return { ok: true, value: channel };
      },
      on: (channel: string, listener: (event: unknown, payload: unknown) => void) => listeners.set(channel, listener),
      removeListener: (channel: string) => listeners.delete(channel),
    },
  };
  const requireStub = (name: string): unknown => {
    if (name === 'electron') return electron;
    throw new Error(`the sandboxed preload may not require "${name}"`);
  };
  const module = { exports: {} };
  vm.runInNewContext(readFileSync(preload, 'utf8'), { require: requireStub, module, exports: module.exports });
  return { exposed, invoked, listeners };
}

describe.skipIf(!built)('built preload', () => {
  it('is CommonJS, requires only electron, and there is no stale ESM preload', () => {
    const code = readFileSync(preload, 'utf8');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect([...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(existsSync(path.resolve('out/preload/index.mjs'))).toBe(false);
  });

  it('exposes only window.portscope with every API method, invoking portscope:<method>', async () => {
    const { exposed, invoked } = runPreload();
    expect([...exposed.keys()]).toEqual(['portscope']);
    const api = exposed.get('portscope')!;
    expect(Object.keys(api).sort()).toEqual([...API_METHODS, 'subscribe'].sort());
    const who = api.who as (input: unknown) => Promise<unknown>;
    expect(await who({ port: 80 })).toEqual({ ok: true, value: 'portscope:who' });
    expect(invoked).toEqual([{ channel: 'portscope:who', input: { port: 80 } }]);
  });

  it('delivers pushes to subscribers and stops listening after the last unsubscribe', () => {
    const { exposed, listeners } = runPreload();
    const subscribe = exposed.get('portscope')!.subscribe as (h: (e: unknown) => void) => () => void;
    const seen: unknown[] = [];
    const off = subscribe((e) => seen.push(e));
    listeners.get('portscope:push')?.({}, { type: 'poll-interval', ms: 1000 });
    expect(seen).toEqual([{ type: 'poll-interval', ms: 1000 }]);
    off();
    expect(listeners.has('portscope:push')).toBe(false);
  });
});
