/** Filter box with the language, the toggles, refresh rate, columns, export and theme. Presentational. */
import { useState, type ReactNode, type RefObject } from 'react';
import { FILTER_FIELDS_HELP, type FilterToggles } from '../../../shared/filter';
import { REFRESH_CHOICES, type ThemeChoice } from '../store/app-store';
import { COLUMN_IDS, COLUMNS, type ColumnId } from '../table/column-model';

export interface ToolbarProps {
  filterText: string;
  filterErrors: string[];
  onFilterText(text: string): void;
  toggles: FilterToggles;
  onToggle(name: keyof FilterToggles, value: boolean): void;
  refreshMs: number;
  onRefreshMs(ms: number): void;
  onReload(): void;
  columnOrder: ColumnId[];
  hiddenColumns: ColumnId[];
  onColumnVisible(id: ColumnId, visible: boolean): void;
  onMoveColumn(id: ColumnId, delta: number): void;
  onResetColumns(): void;
  resolveHosts: boolean;
  onResolveHosts(on: boolean): void;
  onExport(format: 'csv' | 'json' | 'html'): void;
  theme: ThemeChoice;
  onTheme(theme: ThemeChoice): void;
  filterRef: RefObject<HTMLInputElement | null>;
}

const TOGGLES: { name: keyof FilterToggles; label: string; title: string }[] = [
  { name: 'listeningOnly', label: 'Listening', title: 'Only listeners (TCP LISTEN and unconnected UDP)' },
  { name: 'tcp', label: 'TCP', title: 'Show TCP sockets' },
  { name: 'udp', label: 'UDP', title: 'Show UDP sockets' },
  { name: 'ipv4', label: 'IPv4', title: 'Show IPv4 sockets' },
  { name: 'ipv6', label: 'IPv6', title: 'Show IPv6 sockets' },
  { name: 'hideLoopback', label: 'Hide loopback', title: 'Hide sockets that only talk to this machine (127.0.0.1, ::1)' },
];

const REFRESH_LABEL: Record<number, string> = { 0: 'Paused', 1000: '1 s', 2000: '2 s', 5000: '5 s' };
const THEME_NEXT: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };
const THEME_LABEL: Record<ThemeChoice, string> = { system: '◐ Auto', light: '☀ Light', dark: '☾ Dark' };

export function Toolbar(p: ToolbarProps): ReactNode {
  const [open, setOpen] = useState<'columns' | 'export' | null>(null);
  const toggleMenu = (m: 'columns' | 'export'): void => setOpen(open === m ? null : m);
  return (
    <div className="toolbar" data-testid="toolbar">
      <div className="filter-box">
        <input
          ref={p.filterRef}
          data-testid="filter-input"
          className={p.filterErrors.length ? 'has-error' : undefined}
          placeholder="Filter: port:80  proc:nginx  state:listen  -proc:svchost  text…"
          value={p.filterText}
          onChange={(e) => p.onFilterText(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && p.onFilterText('')}
          spellCheck={false}
          title={`Terms combine with AND; -term negates. Fields: ${FILTER_FIELDS_HELP}`}
          aria-describedby="filter-errors"
        />
        {p.filterText && (
          <button type="button" className="clear" onClick={() => p.onFilterText('')} aria-label="Clear filter" data-testid="filter-clear">
            ×
          </button>
        )}
        {p.filterErrors.length > 0 && (
          <div id="filter-errors" className="filter-errors" data-testid="filter-errors">
            {p.filterErrors.join(' · ')}
          </div>
        )}
      </div>
      <div className="toggle-group" role="group" aria-label="Show">
        {TOGGLES.map((t) => (
          <button
            key={t.name}
            type="button"
            className={`toggle${p.toggles[t.name] ? ' on' : ''}`}
            aria-pressed={p.toggles[t.name]}
            title={t.title}
            data-testid={`toggle-${t.name}`}
            onClick={() => p.onToggle(t.name, !p.toggles[t.name])}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="toggle-group" role="group" aria-label="Refresh">
        {REFRESH_CHOICES.map((ms) => (
          <button
            key={ms}
            type="button"
            className={`toggle${p.refreshMs === ms ? ' on' : ''}`}
            aria-pressed={p.refreshMs === ms}
            data-testid={`refresh-${ms}`}
            title={ms === 0 ? 'Pause updates (Space)' : `Refresh every ${ms / 1000} s`}
            onClick={() => p.onRefreshMs(ms)}
          >
            {ms === 0 ? '❚❚' : REFRESH_LABEL[ms]}
          </button>
        ))}
        <button type="button" className="toggle" title="Refresh now (F5)" onClick={p.onReload} data-testid="reload">
          ⟳
        </button>
      </div>
      <span className="toolbar-spacer" />
      <div className="menu-anchor">
        <button type="button" onClick={() => toggleMenu('columns')} data-testid="columns-button" aria-expanded={open === 'columns'}>
          Columns ▾
        </button>
        {open === 'columns' && (
          <div className="popover columns-popover" data-testid="columns-popover" onMouseLeave={() => setOpen(null)}>
            {p.columnOrder.map((id, i) => (
              <div key={id} className="column-choice">
                <label>
                  <input type="checkbox" checked={!p.hiddenColumns.includes(id)} onChange={(e) => p.onColumnVisible(id, e.target.checked)} data-testid={`column-toggle-${id}`} />{' '}
                  {COLUMNS[id].label}
                </label>
                <button type="button" className="mini" disabled={i === 0} onClick={() => p.onMoveColumn(id, -1)} aria-label={`Move ${COLUMNS[id].label} left`}>
                  ↑
                </button>
                <button type="button" className="mini" disabled={i === COLUMN_IDS.length - 1} onClick={() => p.onMoveColumn(id, 1)} aria-label={`Move ${COLUMNS[id].label} right`}>
                  ↓
                </button>
              </div>
            ))}
            <label className="column-choice resolve">
              <input type="checkbox" checked={p.resolveHosts} onChange={(e) => p.onResolveHosts(e.target.checked)} data-testid="resolve-hosts" /> Resolve remote host
              names
            </label>
            {p.resolveHosts && (
              <p className="muted small" data-testid="resolve-hosts-note">
                Names are looked up for the rows in view only (reverse DNS, cached); until one is known, or when there is none, the address is shown.
              </p>
            )}
            <button type="button" className="link" onClick={p.onResetColumns}>
              Reset columns
            </button>
          </div>
        )}
      </div>
      <div className="menu-anchor">
        <button type="button" onClick={() => toggleMenu('export')} data-testid="export-button" aria-expanded={open === 'export'}>
          Export ▾
        </button>
        {open === 'export' && (
          <div className="popover" data-testid="export-popover" onMouseLeave={() => setOpen(null)}>
            {(['csv', 'json', 'html'] as const).map((f) => (
              <button
                key={f}
                type="button"
                className="menu-item"
                data-testid={`export-${f}`}
                onClick={() => {
                  setOpen(null);
                  p.onExport(f);
                }}
              >
                Visible rows as {f.toUpperCase()}
              </button>
            ))}
          </div>
        )}
      </div>
      <button type="button" onClick={() => p.onTheme(THEME_NEXT[p.theme])} data-testid="theme-toggle" title="Theme: follows the OS, or light / dark">
        {THEME_LABEL[p.theme]}
      </button>
    </div>
  );
}
