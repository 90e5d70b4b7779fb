/** Counts per state, last refresh and its cost, and the honest "owners hidden" note. Presentational. */
import type { ReactNode } from 'react';

export interface StatusBarProps {
  total: number;
  shown: number;
  counts: [string, number][];
  takenAt: string | null;
  costMs: number | null;
  source: string | null;
  refreshMs: number;
  seq: number | null;
  ownersHidden: string | null;
  connection: 'connecting' | 'open' | 'closed';
  error: string | null;
}

export function StatusBar(p: StatusBarProps): ReactNode {
  const time = p.takenAt ? new Date(p.takenAt).toLocaleTimeString() : null;
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span data-testid="status-counts">
        <b>{p.shown.toLocaleString()}</b> of {p.total.toLocaleString()} sockets
      </span>
      <span className="status-states">
        {p.counts.map(([state, n]) => (
          <span key={state} className={`state-count state-${state.toLowerCase()}`} data-testid={`count-${state}`}>
            {state.replace('_', ' ')} <b>{n.toLocaleString()}</b>
          </span>
        ))}
      </span>
      <span className="status-spacer" />
      {p.error && (
        <span className="status-error" data-testid="status-error" title={p.error}>
          {p.error}
        </span>
      )}
      {p.ownersHidden && (
        <span className="status-warn" data-testid="owners-hidden" title={p.ownersHidden}>
          ⚠ owners hidden — run elevated to see them
        </span>
      )}
      {p.connection !== 'open' && <span className="status-warn">{p.connection === 'connecting' ? 'connecting…' : 'disconnected — retrying'}</span>}
      <span data-testid="status-refresh" data-seq={p.seq ?? ''} title={p.source ? `collected by ${p.source}` : undefined}>
        {p.refreshMs === 0 ? <b className="paused">Paused</b> : `every ${p.refreshMs / 1000} s`}
        {time && ` · refreshed ${time}`}
        {p.costMs !== null && ` in ${Math.round(p.costMs)} ms`}
        {p.source && ` · ${p.source}`}
      </span>
    </footer>
  );
}
