/** Everything known about the selected socket: process facts, every catalog meaning with its source, the verdict. */
import type { ReactNode } from 'react';
import type { PortDescription } from '../../../shared/catalog/types';
import type { SocketRow } from '../../../shared/types';
import { printable } from '../../../shared/printable';
import type { RowStatus } from '../store/live-rows';
import { formatStarted, protocolLabel } from '../table/column-model';

export interface DetailsPaneProps {
  row: SocketRow | null;
  status: RowStatus | null;
  descriptions: (PortDescription | string)[] | null;
  killReason: string | null;
  closeReason: string | null;
  openReason: string | null;
  onKill(): void;
  onClose(): void;
  onOpenFolder(): void;
  onCopy(): void;
}

function Fact({ label, value: given, mono, clamp }: { label: string; value: ReactNode; mono?: boolean; clamp?: boolean }): ReactNode {
  if (given === null || given === undefined || given === '') return null;
  const value = typeof given === 'string' ? printable(given) : given; // names and paths come from other processes
  return (
    <>
      <dt>{label}</dt>
      <dd className={[mono && 'mono', clamp && 'clamp'].filter(Boolean).join(' ') || undefined} title={clamp && typeof value === 'string' ? value : undefined}>
        {value}
      </dd>
    </>
  );
}

const endpoint = (a: string | null, p: number | null, scope: string | null): string =>
  a === null ? '' : `${a.includes(':') ? `[${a}${scope ? `%${scope}` : ''}]` : a}:${p ?? '*'}`;

export function DetailsPane(p: DetailsPaneProps): ReactNode {
  const { row } = p;
  if (!row) {
    return (
      <aside className="details empty" data-testid="details-pane">
        <p className="muted">Select a row to see its process, the port’s meanings and what you can do.</p>
        <p className="muted small">
          Shortcuts: ↑/↓ move · Ctrl+C copy row · Del kill · Space pause · Ctrl+F filter · Ctrl+K port search · F5 refresh · Shift+F10 menu
        </p>
      </aside>
    );
  }
  const verdict = row.ownerVerdict;
  return (
    <aside className="details" data-testid="details-pane">
      <header className="details-head">
        <h2 data-testid="details-process">{printable(row.processName ?? (row.ownerHidden ? 'Owner hidden' : 'Unknown owner'))}</h2>
        <span className="muted">PID {row.pid ?? '—'}</span>
        {p.status === 'removed' && <span className="badge closed">closed</span>}
      </header>

      {verdict?.verdict === 'unexpected' && (
        <div className="callout warn" data-testid="verdict-warning">
          <b>Unexpected owner.</b> {verdict.reason}
        </div>
      )}
      {verdict?.verdict === 'expected' && (
        <div className="callout ok" data-testid="verdict-ok">
          ✓ Expected owner. {verdict.reason}
        </div>
      )}
      {row.ownerHidden && <div className="callout info">{row.ownerHidden}</div>}

      <div className="details-actions">
        <button type="button" onClick={p.onCopy}>
          Copy
        </button>
        <button type="button" className="danger" disabled={p.killReason !== null} title={p.killReason ?? 'End the process (asks first)'} onClick={p.onKill} data-testid="details-kill">
          Kill…
        </button>
        <button type="button" disabled={p.closeReason !== null} title={p.closeReason ?? 'Close this TCP connection (asks first)'} onClick={p.onClose} data-testid="details-close">
          Close…
        </button>
        <button type="button" disabled={p.openReason !== null} title={p.openReason ?? 'Open the folder of the program'} onClick={p.onOpenFolder} data-testid="details-open-folder">
          Open folder
        </button>
      </div>
      {(p.killReason || p.openReason) && (
        <p className="muted small" data-testid="details-reasons">
          {[p.killReason && `Kill: ${p.killReason}`, p.openReason && `Open folder: ${p.openReason}`].filter(Boolean).join(' · ')}
        </p>
      )}

      <h3>Socket</h3>
      <dl className="facts">
        <Fact label="Protocol" value={`${protocolLabel(row)}${row.dualStack ? ' (dual-stack: IPv4 and IPv6)' : ''}`} />
        <Fact label="Local" value={endpoint(row.localAddress, row.localPort, row.localScope)} mono />
        <Fact label="Remote" value={endpoint(row.remoteAddress, row.remotePort, row.remoteScope)} mono />
        <Fact label="State" value={row.state ?? (row.protocol === 'udp' ? 'UDP (no state)' : null)} />
        <Fact label="Socket uid" value={row.uid} />
        <Fact label="Created" value={row.socketCreated ? formatStarted(row.socketCreated) : null} />
      </dl>

      <h3>Process</h3>
      <dl className="facts" data-testid="details-process-facts">
        <Fact label="Name" value={row.processName} />
        <Fact label="PID" value={row.pid} />
        <Fact label="Owners" value={row.owners.length > 1 ? row.owners.map((o) => `${o.processName ?? '?'} (${o.pid})`).join(', ') : null} />
        <Fact label="User" value={row.user} />
        <Fact label="Path" value={row.processPath} mono />
        <Fact label="Command" value={row.processCommand} mono clamp />
        <Fact label="Started" value={formatStarted(row.processStarted)} />
        <Fact label="Services" value={row.services.join(', ')} />
      </dl>

      <h3>What the port means</h3>
      {p.descriptions === null && <p className="muted">Looking it up…</p>}
      {p.descriptions?.map((d, i) =>
        typeof d === 'string' ? (
          <p key={i} className="muted">
            {d}
          </p>
        ) : (
          <div key={`${d.port}/${d.protocol}`} className="meaning-block" data-testid="details-meanings">
            <div className="meaning-port">
              <b>
                {d.port}/{d.protocol}
              </b>{' '}
              <span className="badge">{d.range}</span> {d.port === row.localPort ? 'local port' : 'remote port'}
            </div>
            {d.meanings.length === 0 ? (
              <p className="muted">No source knows this port.</p>
            ) : (
              <ul className="meanings">
                {d.meanings.map((m, j) => (
                  <li key={j}>
                    <b>{m.name}</b> — {m.description} <span className="source">{m.source}</span>
                    {((m.typicalProcesses?.length ?? 0) > 0 || (m.windowsServices?.length ?? 0) > 0) && (
                      <div className="muted small">
                        {m.typicalProcesses?.length ? `usually ${m.typicalProcesses.join(', ')}` : ''}
                        {m.windowsServices?.length ? ` · services ${m.windowsServices.join(', ')}` : ''}
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ),
      )}
    </aside>
  );
}
