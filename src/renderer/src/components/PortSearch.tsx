/**
 * The first thing users want: "what owns port …?". Type a port; the owners, the port's meaning and the
 * actions appear right here, no table hunting.
 */
import { useMemo, type ReactNode, type RefObject } from 'react';
import type { PortDescription } from '../../../shared/catalog/types';
import type { SocketRow } from '../../../shared/types';
import { printable } from '../../../shared/printable';
import { findPortOwners, parsePortQuery } from '../lib/port-owners';
import type { LiveRow } from '../store/live-rows';
import { protocolLabel } from '../table/column-model';

export interface PortSearchProps {
  query: string;
  onQuery(text: string): void;
  rows: LiveRow[];
  descriptions: (PortDescription | string)[] | null;
  killReason(row: SocketRow): string | null;
  onKill(row: SocketRow): void;
  onCopy(row: SocketRow): void;
  onSelect(row: SocketRow): void;
  onShowAll(port: number): void;
  inputRef: RefObject<HTMLInputElement | null>;
}

export function PortSearch(p: PortSearchProps): ReactNode {
  const port = parsePortQuery(p.query);
  const result = useMemo(() => (port === null ? null : findPortOwners(p.rows, port)), [p.rows, port]);
  const invalid = p.query.trim() !== '' && port === null;
  const meanings = (p.descriptions ?? []).flatMap((d) => (typeof d === 'string' ? [] : d.meanings.map((m) => ({ ...m, protocol: d.protocol }))));
  const range = p.descriptions?.find((d): d is PortDescription => typeof d !== 'string')?.range;

  return (
    <section className="port-search" data-testid="port-search">
      <label className="port-search-box">
        <span className="port-search-label">What owns port</span>
        <input
          ref={p.inputRef}
          data-testid="port-search-input"
          inputMode="numeric"
          placeholder="e.g. 443"
          value={p.query}
          onChange={(e) => p.onQuery(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && p.onQuery('')}
          aria-invalid={invalid}
          spellCheck={false}
        />
        <span className="port-search-q">?</span>
      </label>
      {invalid && <span className="error-text">Type a port number from 1 to 65535.</span>}
      {result && (
        <div className="port-result" data-testid="port-search-result">
          <div className="port-result-head">
            <span className="port-big">{result.port}</span>
            {range && <span className="badge">{range}</span>}
            {meanings.length > 0 ? (
              <span className="port-meaning" data-testid="port-search-meaning">
                <b>{meanings[0].name}</b> — {meanings[0].description} <span className="source">{meanings[0].source}</span>
                {meanings.length > 1 && <span className="muted"> · +{meanings.length - 1} more</span>}
              </span>
            ) : (
              <span className="muted">{p.descriptions === null ? 'looking up…' : 'no catalog entry'}</span>
            )}
          </div>
          {result.owners.length === 0 ? (
            <div className="port-none" data-testid="port-search-none">
              Nothing listens on port {result.port}
              {result.connections > 0 && ` · ${result.connections} connection${result.connections === 1 ? '' : 's'} use it locally`}.
            </div>
          ) : (
            <ul className="port-owners">
              {result.owners.map((row) => {
                const reason = p.killReason(row);
                return (
                  <li key={row.id} data-testid="port-owner" className={row.ownerVerdict?.verdict === 'unexpected' ? 'unexpected' : undefined}>
                    <button type="button" className="link owner-name" onClick={() => p.onSelect(row)} title="Show in the table">
                      {printable(row.processName ?? (row.ownerHidden ? 'owner hidden' : 'unknown'))}
                    </button>
                    <span className="muted">PID</span> <span className="mono">{row.pid ?? '—'}</span>
                    <span className="badge">{protocolLabel(row)}</span>
                    <span className="mono">{row.localAddress}</span>
                    {row.user && <span className="muted">{printable(row.user)}</span>}
                    {row.ownerVerdict?.verdict === 'unexpected' && <span className="warn-text">⚠ {row.ownerVerdict.reason}</span>}
                    {row.ownerHidden && !row.processName && <span className="muted">{row.ownerHidden}</span>}
                    <span className="spacer" />
                    <button type="button" onClick={() => p.onCopy(row)} data-testid="port-owner-copy">
                      Copy
                    </button>
                    <button type="button" className="danger" disabled={reason !== null} title={reason ?? 'End this process (asks first)'} onClick={() => p.onKill(row)} data-testid="port-owner-kill">
                      Kill…
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          <button type="button" className="link" onClick={() => p.onShowAll(result.port)} data-testid="port-search-filter">
            Show every socket on port {result.port} in the table
          </button>
        </div>
      )}
    </section>
  );
}
