/**
 * The audit log tab: every kill / close attempt main recorded (time, action, target, result), newest
 * first. `AuditLogView` is presentational; `AuditLogTab` reads api.auditLog({}) when shown and again
 * whenever `revision` changes (after each kill / close).
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { PortScopeApi } from '../../../shared/api';
import type { AuditEntry } from '../../../shared/actions';
import { formatStarted } from '../table/column-model';

export interface AuditLogViewProps {
  entries: AuditEntry[] | null;
  error: string | null;
  loading: boolean;
  onRefresh(): void;
}

/** "ended: …" reads as success; refusals, failures and survivors as problems. */
export function auditResultKind(result: string): 'ok' | 'error' | 'other' {
  if (/^(ended|closed|stopped|restarted)\b/i.test(result)) return 'ok';
  if (/^(refused|permission|error|failed|still|not-found|unsupported)/i.test(result)) return 'error';
  return 'other';
}

export function AuditLogView({ entries, error, loading, onRefresh }: AuditLogViewProps): ReactNode {
  return (
    <section className="audit-log" data-testid="audit-log">
      <div className="audit-head">
        <h2>Audit log</h2>
        <span className="muted small">Every kill and close attempt, newest first, as recorded in PortScope’s data folder.</span>
        <span className="toolbar-spacer" />
        <button type="button" onClick={onRefresh} disabled={loading} data-testid="audit-refresh">
          {loading ? 'Reading…' : '⟳ Refresh'}
        </button>
      </div>
      {error && (
        <p className="error-text" data-testid="audit-error">
          {error}
        </p>
      )}
      {entries !== null && entries.length === 0 && !error && (
        <p className="muted" data-testid="audit-empty">
          No actions recorded yet.
        </p>
      )}
      {entries !== null && entries.length > 0 && (
        <table className="audit-table">
          <thead>
            <tr>
              <th>Time</th>
              <th>Action</th>
              <th>Target</th>
              <th>Result</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e, i) => (
              <tr key={`${e.time}-${i}`} data-testid="audit-row" data-action={e.action}>
                <td className="mono nowrap" title={e.time}>
                  {formatStarted(e.time)}
                </td>
                <td>{e.action}</td>
                <td className="mono">{e.target}</td>
                <td className={auditResultKind(e.result) === 'other' ? undefined : `${auditResultKind(e.result)}-text`}>{e.result}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function AuditLogTab({ api, revision, active }: { api: PortScopeApi; revision: number; active: boolean }): ReactNode {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [reads, setReads] = useState(0);
  const refresh = useCallback(() => setReads((n) => n + 1), []);

  useEffect(() => {
    if (!active) return;
    let alive = true;
    setLoading(true);
    void api
      .auditLog({})
      .then((r) => {
        if (!alive) return;
        if (r.ok) {
          setEntries(r.value);
          setError(null);
        } else setError(r.message);
      })
      .catch((e: unknown) => alive && setError(e instanceof Error ? e.message : String(e)))
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, [api, revision, active, reads]);

  return <AuditLogView entries={entries} error={error} loading={loading} onRefresh={refresh} />;
}
