/**
 * The test listener panel: start listeners, watch who connects, understand bind failures, copy client
 * commands for the other machine, probe a port. Self-contained: its own store (listener-store.ts) over
 * getApi(); styles are lp- prefixed (listener-panel.css, imported by index.ts so tests can
 * render this file without a CSS loader). Stable data-testids for e2e tests.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { copyText } from '../../lib/clipboard';
import { printable } from '../../../../shared/printable';
import { formatEndpoint, type ListenerInfo, type LocalAddress } from '../../../../shared/listener';
import type { ListenerPanelStore } from './listener-store';

export interface ListenerPanelViewProps {
  store: ListenerPanelStore;
  /** "Show holder": select that row in the socket table (the host app wires it). */
  onShowHolder?: (rowId: string) => void;
}

const isWindows = (): boolean => typeof navigator !== 'undefined' && /Windows/i.test(navigator.userAgent);
const clock = (iso: string): string => new Date(iso).toLocaleTimeString();

function hostOptions(addresses: LocalAddress[]): { value: string; label: string }[] {
  const fixed = [
    { value: '', label: 'All addresses (IPv4 + IPv6)' },
    { value: '0.0.0.0', label: 'All IPv4 addresses (0.0.0.0)' },
    { value: '127.0.0.1', label: 'Loopback IPv4 (127.0.0.1)' },
    { value: '::1', label: 'Loopback IPv6 (::1)' },
  ];
  const own = addresses
    .filter((a) => !a.internal && !/^fe80:/i.test(a.address))
    .map((a) => ({ value: a.address, label: `${a.address} (${a.interface})` }));
  return [...fixed, ...own];
}

export function ListenerPanelView({ store, onShowHolder }: ListenerPanelViewProps): ReactNode {
  useEffect(() => store.getState().connect(), [store]);
  return (
    <div className="lp-panel" data-testid="listener-panel">
      <StartSection store={store} />
      <BindFailureBox store={store} onShowHolder={onShowHolder} />
      <ListenerList store={store} />
      <ProbeSection store={store} />
    </div>
  );
}

function StartSection({ store }: { store: ListenerPanelStore }): ReactNode {
  const form = useStore(store, (s) => s.form);
  const addresses = useStore(store, (s) => s.localAddresses);
  const starting = useStore(store, (s) => s.starting);
  const error = useStore(store, (s) => s.startError);
  const { setForm, start } = store.getState();
  const onStart = (): void => {
    if (form.openFirewall) {
      const ok = window.confirm(
        `Add a temporary inbound Windows Firewall rule allowing ${form.protocol.toUpperCase()} port ${form.port}?\n\n` +
          'Windows will ask for administrator rights. The rule is removed when the listener stops.',
      );
      if (!ok) return;
    }
    void start();
  };
  return (
    <section className="lp-section" aria-label="Start a test listener">
      <h3 className="lp-title">Start a test listener</h3>
      <form
        className="lp-form"
        onSubmit={(event) => {
          event.preventDefault();
          onStart();
        }}
      >
        <label className="lp-field">
          Port
          <input data-testid="listener-port" inputMode="numeric" value={form.port} onChange={(e) => setForm({ port: e.target.value })} size={6} />
        </label>
        <label className="lp-field">
          Protocol
          <select data-testid="listener-protocol" value={form.protocol} onChange={(e) => setForm({ protocol: e.target.value as 'tcp' | 'udp' })}>
            <option value="tcp">TCP</option>
            <option value="udp">UDP</option>
          </select>
        </label>
        <label className="lp-field">
          Address
          <select data-testid="listener-host" value={form.host} onChange={(e) => setForm({ host: e.target.value })}>
            {hostOptions(addresses).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label className="lp-field">
          Reply
          <select data-testid="listener-reply" value={form.reply} onChange={(e) => setForm({ reply: e.target.value as typeof form.reply })}>
            <option value="silent">Silent</option>
            <option value="echo">Echo</option>
            <option value="http">HTTP 200 page</option>
            <option value="banner">Banner text</option>
          </select>
        </label>
        {form.reply === 'banner' && (
          <label className="lp-field lp-grow">
            Banner
            <input data-testid="listener-banner" value={form.bannerText} onChange={(e) => setForm({ bannerText: e.target.value })} />
          </label>
        )}
        <label className="lp-field">
          Stop after (s)
          <input data-testid="listener-timeout" inputMode="numeric" value={form.timeoutSec} onChange={(e) => setForm({ timeoutSec: e.target.value })} size={6} />
        </label>
        {isWindows() && (
          <label className="lp-check">
            <input type="checkbox" data-testid="listener-firewall" checked={form.openFirewall} onChange={(e) => setForm({ openFirewall: e.target.checked })} />
            Temporary firewall rule (admin)
          </label>
        )}
        <button type="submit" className="lp-button lp-primary" data-testid="listener-start" disabled={starting}>
          {starting ? 'Starting…' : 'Start'}
        </button>
      </form>
      {error && (
        <p className="lp-error" role="alert" data-testid="listener-error">
          {error}
        </p>
      )}
    </section>
  );
}

function BindFailureBox({ store, onShowHolder }: { store: ListenerPanelStore; onShowHolder?: (rowId: string) => void }): ReactNode {
  const failure = useStore(store, (s) => s.bindFailure);
  if (!failure) return null;
  const holder = failure.holder;
  return (
    <section className="lp-failure" role="alert" data-testid="listener-bind-failure" data-cause={failure.cause}>
      <p className="lp-failure-message">{failure.message}</p>
      {failure.advice && failure.advice.length > 0 && (
        <ul className="lp-advice">
          {failure.advice.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ul>
      )}
      <div className="lp-actions">
        {holder?.rowId && onShowHolder && (
          <button type="button" className="lp-link" data-testid="listener-show-holder" onClick={() => onShowHolder(holder.rowId as string)}>
            Show holder{holder.processName ? `: ${printable(holder.processName)}` : ''}
            {holder.pid !== null ? ` (pid ${holder.pid})` : ''}
          </button>
        )}
        {failure.suggestedPort !== null && (
          <button type="button" className="lp-button" data-testid="listener-use-suggested" onClick={() => store.getState().useSuggestedPort()}>
            Use port {failure.suggestedPort}
          </button>
        )}
      </div>
    </section>
  );
}

function ListenerList({ store }: { store: ListenerPanelStore }): ReactNode {
  const listeners = useStore(store, (s) => s.listeners);
  const anyRunning = listeners.some((l) => l.running);
  if (listeners.length === 0) return <p className="lp-muted">No listeners yet.</p>;
  return (
    <section className="lp-section" aria-label="Listeners">
      <div className="lp-row">
        <h3 className="lp-title">Listeners</h3>
        <button type="button" className="lp-button" data-testid="listener-stop-all" disabled={!anyRunning} onClick={() => void store.getState().stopAll()}>
          Stop all
        </button>
      </div>
      {listeners.map((listener) => (
        <ListenerCard key={listener.id} listener={listener} onStop={() => void store.getState().stop(listener.id)} />
      ))}
    </section>
  );
}

function ListenerCard({ listener, onStop }: { listener: ListenerInfo; onStop: () => void }): ReactNode {
  const reply = listener.reply.kind === 'banner' ? `banner "${listener.reply.text}"` : listener.reply.kind;
  const status = listener.running ? `running, stops at ${clock(listener.stopsAt)}` : `stopped (${listener.stopReason ?? 'stopped'})`;
  return (
    <article className={`lp-card${listener.running ? '' : ' lp-stopped'}`} data-testid="listener-item" data-listener-id={listener.id} data-running={listener.running}>
      <header className="lp-row">
        <strong className="lp-endpoint">
          {listener.protocol.toUpperCase()} {formatEndpoint(listener.host, listener.port)}
        </strong>
        <span className="lp-muted">
          reply {reply} · {status} · {listener.peerCount} peer{listener.peerCount === 1 ? '' : 's'}
        </span>
        {listener.running && (
          <button type="button" className="lp-button" data-testid="listener-stop" onClick={onStop}>
            Stop
          </button>
        )}
      </header>
      {listener.firewall && <p className="lp-muted">{listener.firewall.message}</p>}
      <details className="lp-commands" open={listener.running && listener.peerCount === 0}>
        <summary>Test from the other machine</summary>
        <ul className="lp-command-list" data-testid="listener-commands">
          {listener.clientCommands.map((c) => (
            <li key={`${c.tool}|${c.command}`} className="lp-command">
              <span className="lp-tool">{c.tool}</span>
              <code className="lp-code">{c.command}</code>
              <CopyButton text={c.command} />
              {c.note && <span className="lp-muted">{c.note}</span>}
            </li>
          ))}
        </ul>
      </details>
      <LogTable listener={listener} />
    </article>
  );
}

function CopyButton({ text }: { text: string }): ReactNode {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="lp-button lp-small"
      data-testid="listener-copy"
      onClick={() =>
        void copyText(text).then((done) => {
          setCopied(done);
          if (done) setTimeout(() => setCopied(false), 1500);
        })
      }
    >
      {copied ? 'Copied' : 'Copy'}
    </button>
  );
}

function LogTable({ listener }: { listener: ListenerInfo }): ReactNode {
  if (listener.log.length === 0) return <p className="lp-muted">Waiting for a peer…</p>;
  return (
    <table className="lp-log" data-testid="listener-log">
      <thead>
        <tr>
          <th>Time</th>
          <th>Peer</th>
          <th>In</th>
          <th>Out</th>
          <th>First bytes</th>
          <th>Hex</th>
        </tr>
      </thead>
      <tbody>
        {[...listener.log].reverse().map((entry) => (
          <tr key={entry.seq} data-testid="listener-log-row" data-peer={formatEndpoint(entry.peerAddress, entry.peerPort)}>
            <td>{clock(entry.time)}</td>
            <td className="lp-mono">{formatEndpoint(entry.peerAddress, entry.peerPort)}</td>
            <td className="lp-num">{entry.bytesIn}</td>
            <td className="lp-num">{entry.bytesOut}</td>
            <td className="lp-mono lp-bytes">{entry.firstBytesText}</td>
            <td className="lp-mono lp-bytes lp-muted">{entry.firstBytesHex}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ProbeSection({ store }: { store: ListenerPanelStore }): ReactNode {
  const form = useStore(store, (s) => s.probeForm);
  const probing = useStore(store, (s) => s.probing);
  const result = useStore(store, (s) => s.probeResult);
  const error = useStore(store, (s) => s.probeError);
  const { setProbeForm, probe } = store.getState();
  return (
    <section className="lp-section" aria-label="Probe a port">
      <h3 className="lp-title">Probe a port from here</h3>
      <form
        className="lp-form"
        onSubmit={(event) => {
          event.preventDefault();
          void probe();
        }}
      >
        <label className="lp-field lp-grow">
          Host
          <input data-testid="probe-host" value={form.host} onChange={(e) => setProbeForm({ host: e.target.value })} />
        </label>
        <label className="lp-field">
          Port
          <input data-testid="probe-port" inputMode="numeric" value={form.port} onChange={(e) => setProbeForm({ port: e.target.value })} size={6} />
        </label>
        <label className="lp-field">
          Protocol
          <select data-testid="probe-protocol" value={form.protocol} onChange={(e) => setProbeForm({ protocol: e.target.value as 'tcp' | 'udp' })}>
            <option value="tcp">TCP</option>
            <option value="udp">UDP</option>
          </select>
        </label>
        <label className="lp-field">
          Timeout (ms)
          <input data-testid="probe-timeout" inputMode="numeric" value={form.timeoutMs} onChange={(e) => setProbeForm({ timeoutMs: e.target.value })} size={6} />
        </label>
        <button type="submit" className="lp-button lp-primary" data-testid="probe-run" disabled={probing}>
          {probing ? 'Probing…' : 'Probe'}
        </button>
      </form>
      {error && (
        <p className="lp-error" role="alert" data-testid="probe-error">
          {error}
        </p>
      )}
      {result && (
        <p className={`lp-verdict lp-verdict-${result.verdict === 'open' ? 'open' : 'closed'}`} data-testid="probe-result" data-verdict={result.verdict}>
          <strong>{result.verdict}</strong> {result.message} ({result.elapsedMs} ms)
        </p>
      )}
    </section>
  );
}
