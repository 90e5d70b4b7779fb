/**
 * The listener panel's state: a vanilla zustand store over PortScopeApi, testable without React.
 * Holds the start form, the listeners (kept current by `{type:'listener'}` pushes), the last bind
 * failure, the local addresses and the probe form.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PortScopeApi } from '../../../../shared/api';
import {
  DEFAULT_LISTEN_TIMEOUT_SEC,
  type BindFailure,
  type ListenRequest,
  type ListenerInfo,
  type LocalAddress,
  type ProbeOutcome,
  type ProbeRequest,
  type ReplyMode,
} from '../../../../shared/listener';

export interface StartForm {
  port: string;
  protocol: 'tcp' | 'udp';
  /** '' = all addresses (dual-stack). */
  host: string;
  reply: ReplyMode['kind'];
  bannerText: string;
  timeoutSec: string;
  /** Windows: temporary inbound firewall rule (confirmed in the UI first). */
  openFirewall: boolean;
}

export interface ProbeForm {
  host: string;
  port: string;
  protocol: 'tcp' | 'udp';
  timeoutMs: string;
}

export interface ListenerPanelState {
  form: StartForm;
  /** Newest first. */
  listeners: ListenerInfo[];
  localAddresses: LocalAddress[];
  starting: boolean;
  /** Bad input or a transport error (not a bind failure). */
  startError: string | null;
  bindFailure: BindFailure | null;
  probeForm: ProbeForm;
  probing: boolean;
  probeResult: ProbeOutcome | null;
  probeError: string | null;

  setForm(patch: Partial<StartForm>): void;
  setProbeForm(patch: Partial<ProbeForm>): void;
  /** Load addresses and listeners, subscribe to pushes; returns the unsubscribe. */
  connect(): () => void;
  start(): Promise<ListenerInfo | null>;
  stop(id: string): Promise<void>;
  stopAll(): Promise<void>;
  /** Put the bind failure's suggested port into the form. */
  useSuggestedPort(): void;
  applyListener(listener: ListenerInfo): void;
  probe(): Promise<ProbeOutcome | null>;
}

export type ListenerPanelStore = StoreApi<ListenerPanelState>;

export const initialForm: StartForm = {
  port: '8080',
  protocol: 'tcp',
  host: '',
  reply: 'http',
  bannerText: 'Hello from PortScope',
  timeoutSec: String(DEFAULT_LISTEN_TIMEOUT_SEC),
  openFirewall: false,
};

const isWholeNumber = (text: string): boolean => /^\d+$/.test(text.trim());

/** Form → request, or a message saying what to fix. Pure. */
export function formToRequest(form: StartForm): { ok: true; request: ListenRequest } | { ok: false; message: string } {
  if (!isWholeNumber(form.port) || Number(form.port) < 1 || Number(form.port) > 65535) return { ok: false, message: 'Port: give a number from 1 to 65535.' };
  if (!isWholeNumber(form.timeoutSec) || Number(form.timeoutSec) < 1 || Number(form.timeoutSec) > 86_400) {
    return { ok: false, message: 'Stop after: give seconds from 1 to 86400.' };
  }
  if (form.reply === 'banner' && form.bannerText.length > 4096) return { ok: false, message: 'Banner: at most 4096 characters.' };
  const reply: ReplyMode = form.reply === 'banner' ? { kind: 'banner', text: form.bannerText } : { kind: form.reply };
  return {
    ok: true,
    request: {
      port: Number(form.port),
      protocol: form.protocol,
      reply,
      timeoutSec: Number(form.timeoutSec),
      ...(form.host ? { host: form.host } : {}),
      ...(form.openFirewall ? { openFirewall: true } : {}),
    },
  };
}

/** `host:port`, `[v6]:port` or a bare host with the port in its own field. Pure. */
export function probeFormToRequest(form: ProbeForm): { ok: true; request: ProbeRequest } | { ok: false; message: string } {
  const host = form.host.trim().replace(/^\[(.*)\]$/, '$1');
  if (!host) return { ok: false, message: 'Host: give a name or an address.' };
  if (!isWholeNumber(form.port) || Number(form.port) < 1 || Number(form.port) > 65535) return { ok: false, message: 'Port: give a number from 1 to 65535.' };
  if (!isWholeNumber(form.timeoutMs) || Number(form.timeoutMs) < 1 || Number(form.timeoutMs) > 120_000) {
    return { ok: false, message: 'Timeout: give milliseconds from 1 to 120000.' };
  }
  return { ok: true, request: { host, port: Number(form.port), protocol: form.protocol, timeoutMs: Number(form.timeoutMs) } };
}

function upsert(list: ListenerInfo[], listener: ListenerInfo): ListenerInfo[] {
  const at = list.findIndex((l) => l.id === listener.id);
  if (at === -1) return [listener, ...list];
  const next = list.slice();
  next[at] = listener;
  return next;
}

export function createListenerPanelStore(api: PortScopeApi): ListenerPanelStore {
  return createStore<ListenerPanelState>()((set, get) => ({
    form: initialForm,
    listeners: [],
    localAddresses: [],
    starting: false,
    startError: null,
    bindFailure: null,
    probeForm: { host: '127.0.0.1', port: '8080', protocol: 'tcp', timeoutMs: '3000' },
    probing: false,
    probeResult: null,
    probeError: null,

    setForm: (patch) => set({ form: { ...get().form, ...patch } }),
    setProbeForm: (patch) => set({ probeForm: { ...get().probeForm, ...patch } }),

    connect() {
      const unsubscribe = api.subscribe((event) => {
        if (event.type === 'listener') get().applyListener(event.listener);
      });
      void api.localAddresses({}).then((r) => r.ok && set({ localAddresses: r.value }));
      void api.listeners({}).then((r) => {
        if (!r.ok) return;
        // Pushes may already have arrived: keep whichever is newer (a stopped one, or more log).
        let list = get().listeners;
        for (const listener of r.value) {
          const known = list.find((l) => l.id === listener.id);
          if (!known || (known.running && (!listener.running || listener.log.length >= known.log.length))) list = upsert(list, listener);
        }
        set({ listeners: list });
      });
      return unsubscribe;
    },

    async start() {
      const parsed = formToRequest(get().form);
      if (!parsed.ok) {
        set({ startError: parsed.message, bindFailure: null });
        return null;
      }
      set({ starting: true, startError: null, bindFailure: null });
      const result = await api.listenStart(parsed.request);
      set({ starting: false });
      if (!result.ok) {
        set({ startError: result.message });
        return null;
      }
      if ('bindFailure' in result.value) {
        set({ bindFailure: result.value.bindFailure });
        return null;
      }
      set({ listeners: upsert(get().listeners, result.value) });
      return result.value;
    },

    async stop(id) {
      const result = await api.listenStop({ id });
      if (result.ok) for (const listener of result.value) get().applyListener(listener);
      else set({ startError: result.message });
    },

    async stopAll() {
      const result = await api.listenStop({ all: true });
      if (result.ok) for (const listener of result.value) get().applyListener(listener);
      else set({ startError: result.message });
    },

    useSuggestedPort() {
      const port = get().bindFailure?.suggestedPort;
      if (port) set({ form: { ...get().form, port: String(port) }, bindFailure: null });
    },

    applyListener: (listener) => set({ listeners: upsert(get().listeners, listener) }),

    async probe() {
      const parsed = probeFormToRequest(get().probeForm);
      if (!parsed.ok) {
        set({ probeError: parsed.message, probeResult: null });
        return null;
      }
      set({ probing: true, probeError: null, probeResult: null });
      const result = await api.probe(parsed.request);
      set({ probing: false, ...(result.ok ? { probeResult: result.value } : { probeError: result.message }) });
      return result.ok ? result.value : null;
    },
  }));
}
