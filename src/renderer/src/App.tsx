/**
 * The main window: port search on top, the live socket table with its toolbar, the details pane,
 * the status bar, and the "Test listener" tab. Wires store + API to presentational components.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { parseFilter } from '../../shared/filter';
import { rowsToCsv } from '../../shared/export/rows-csv';
import { rowsToHtml } from '../../shared/export/rows-html';
import { rowsToJson } from '../../shared/export/rows-json';
import type { SocketRow } from '../../shared/types';
import { closeAvailability, folderOf, killAvailability, openFolderAvailability } from './actions/row-actions';
import { ActionDialog } from './components/ActionDialog';
import { ContextMenu, type MenuEntry } from './components/ContextMenu';
import { DetailsPane } from './components/DetailsPane';
import { PortSearch } from './components/PortSearch';
import { SocketTable } from './components/SocketTable';
import { StatusBar } from './components/StatusBar';
import { Toolbar } from './components/Toolbar';
import { ListenerTab } from './components/ListenerTab';
import { AuditLogTab } from './components/AuditLog';
import { copyText } from './lib/clipboard';
import { downloadText, timestampForFile } from './lib/download';
import { parsePortQuery } from './lib/port-owners';
import { useDescribe } from './lib/use-describe';
import { useReverseDns } from './lib/use-reverse-dns';
import { useTheme } from './lib/use-theme';
import { useServices, useApp } from './store/app-context';
import type { ActionName } from './store/app-store';
import type { LiveRow } from './store/live-rows';
import { countByState, countShown, createVisibleRowsSelector } from './store/visible-rows';
import { COLUMNS, type CellContext, type ColumnId } from './table/column-model';
import { headerAsText, htmlColumns, rowAsText } from './table/row-text';
import { onTransportStatus, type TransportStatus } from './transport';

interface MenuState {
  row: SocketRow;
  column: ColumnId | null;
  x: number;
  y: number;
}

export function App(): ReactNode {
  const { store, api, sync, webFace } = useServices();
  const s = useApp((state) => state);
  const selectVisible = useMemo(() => createVisibleRowsSelector(), []);
  const visible = useApp(selectVisible);
  const parsedFilter = useMemo(() => parseFilter(s.filterText), [s.filterText]);
  const visibleColumns = useMemo(() => s.columnOrder.filter((id) => !s.hiddenColumns.includes(id)), [s.columnOrder, s.hiddenColumns]);
  const selected = s.selectedId ? (s.live.get(s.selectedId) ?? null) : null;
  // Status bar figures: walks of all rows, so once per table change, not on every render.
  const tally = useMemo(() => {
    const counts = countByState(s.liveList); // closed rows left out
    return { counts, total: counts.reduce((sum, [, n]) => sum + n, 0) };
  }, [s.liveList]);
  const shownCount = useMemo(() => countShown(visible), [visible]);
  const [menu, setMenu] = useState<MenuState | null>(null);
  const [dialog, setDialog] = useState<{ kind: 'kill' | 'close'; row: SocketRow } | null>(null);
  const [connection, setConnection] = useState<TransportStatus>('open');
  const filterRef = useRef<HTMLInputElement>(null);
  const portRef = useRef<HTMLInputElement>(null);
  useTheme(s.theme);
  const [listenerVisited, setListenerVisited] = useState(false);
  const [auditVisited, setAuditVisited] = useState(false);
  useEffect(() => {
    if (s.tab === 'listener') setListenerVisited(true);
    if (s.tab === 'audit') setAuditVisited(true);
  }, [s.tab]);
  const platform = s.platform;

  // Reverse DNS (toggle): only the rows in the DOM (viewport + overscan) are looked up, debounced.
  const [viewport, setViewport] = useState<[number, number]>([0, -1]);
  const onViewport = useCallback((first: number, last: number) => setViewport((v) => (v[0] === first && v[1] === last ? v : [first, last])), []);
  const rowsInView = useMemo(() => (s.resolveHosts ? visible.slice(viewport[0], viewport[1] + 1) : []), [s.resolveHosts, visible, viewport]);
  useReverseDns(api, store, s.resolveHosts, rowsInView);
  const cellContext = useMemo<CellContext>(() => ({ hosts: s.hostNames }), [s.hostNames]);

  useEffect(() => onTransportStatus(setConnection), []);
  useEffect(() => {
    if (webFace) store.getState().markUnavailable('openPath', 'Opening folders needs the desktop app; the browser cannot open local folders.');
  }, [store, webFace]);
  useEffect(() => {
    if (!s.notice) return;
    const t = setTimeout(() => store.getState().setNotice(null), 4000);
    return () => clearTimeout(t);
  }, [s.notice, store]);

  const notify = useCallback((text: string, kind: 'info' | 'error' = 'info') => store.getState().setNotice({ text, kind }), [store]);
  const onUnavailable = useCallback((action: ActionName, reason: string) => store.getState().markUnavailable(action, reason), [store]);
  // Stable: the action dialog's service-stop store keeps the first one it gets.
  const onActed = useCallback(() => store.getState().auditChanged(), [store]);

  const copy = useCallback(
    async (text: string, what: string) => notify((await copyText(text)) ? `Copied ${what}.` : 'The clipboard is not available here.', 'info'),
    [notify],
  );
  const copyRow = (row: SocketRow): void => void copy(rowAsText(row, visibleColumns, cellContext), 'the row');
  const openFolder = async (row: SocketRow): Promise<void> => {
    if (!row.processPath) return;
    const r = await api.openPath({ path: folderOf(row.processPath) });
    if (!r.ok) {
      if (r.code === 'UNSUPPORTED' || r.code === 'NOT_IMPLEMENTED') onUnavailable('openPath', r.message);
      notify(r.message, 'error');
    }
  };
  const startAction = (kind: 'kill' | 'close', row: SocketRow): void => {
    const reason = kind === 'kill' ? killAvailability(row, s.unavailable) : closeAvailability(row, s.unavailable, platform);
    if (reason) notify(reason, 'error');
    else setDialog({ kind, row });
  };

  // Port search: owners come from the live rows; meanings from the catalog.
  const searchPort = parsePortQuery(s.portQuery);
  const searchDescriptions = useDescribe(api, searchPort === null ? [] : [{ port: searchPort, protocol: 'tcp' }, { port: searchPort, protocol: 'udp' }]);
  const selectedRow = selected?.row ?? null;
  const detailPorts = useMemo(() => {
    if (!selectedRow) return [];
    const ports = [{ port: selectedRow.localPort, protocol: selectedRow.protocol }];
    if (selectedRow.remotePort && selectedRow.remotePort !== selectedRow.localPort && selectedRow.remotePort < 49152) {
      ports.push({ port: selectedRow.remotePort, protocol: selectedRow.protocol });
    }
    return ports.filter((p) => p.port > 0);
  }, [selectedRow]);
  const detailDescriptions = useDescribe(api, detailPorts);

  const exportRows = (format: 'csv' | 'json' | 'html'): void => {
    const rows = visible.filter((l) => l.status !== 'removed').map((l) => l.row);
    const name = `portscope-${timestampForFile()}.${format}`;
    if (format === 'csv') downloadText(name, rowsToCsv(rows), 'text/csv;charset=utf-8');
    else if (format === 'json') downloadText(name, rowsToJson(rows), 'application/json');
    else downloadText(name, rowsToHtml(rows, htmlColumns(visibleColumns, cellContext), { title: 'PortScope sockets', generatedAt: new Date().toLocaleString() }), 'text/html;charset=utf-8');
    notify(`Exported ${rows.length} row${rows.length === 1 ? '' : 's'} as ${format.toUpperCase()}.`);
  };

  const menuItems = (m: MenuState): MenuEntry[] => {
    const { row, column } = m;
    return [
      { id: 'copy-row', label: 'Copy row', shortcut: 'Ctrl+C', run: () => copyRow(row) },
      ...(column ? [{ id: 'copy-cell', label: `Copy ${COLUMNS[column].label.toLowerCase()}`, run: () => void copy(COLUMNS[column].text(row, cellContext), COLUMNS[column].label) }] : []),
      { id: 'copy-json', label: 'Copy as JSON', run: () => void copy(JSON.stringify(row, null, 2), 'the row as JSON') },
      { id: 'copy-all', label: 'Copy all visible rows', run: () => void copy([headerAsText(visibleColumns), ...visible.map((l) => rowAsText(l.row, visibleColumns, cellContext))].join('\n'), `${visible.length} rows`) },
      'separator',
      { id: 'filter-process', label: `Filter to ${row.processName ?? 'this process'}`, disabledReason: row.processName ? null : 'The process name is not known.', run: () => s.setFilterText(`proc:"${row.processName}"`) },
      { id: 'filter-port', label: `Filter to port ${row.localPort}`, run: () => s.setFilterText(`port:${row.localPort}`) },
      'separator',
      { id: 'kill', label: 'Kill process…', shortcut: 'Del', danger: true, disabledReason: killAvailability(row, s.unavailable), run: () => startAction('kill', row) },
      { id: 'close', label: 'Close connection…', danger: true, disabledReason: closeAvailability(row, s.unavailable, platform), run: () => startAction('close', row) },
      { id: 'open-folder', label: 'Open process folder', disabledReason: openFolderAvailability(row, s.unavailable), run: () => void openFolder(row) },
    ];
  };

  const onTableKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    const row = selected?.row;
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: 20, PageUp: -20, Home: -1e9, End: 1e9 }[e.key];
    if (step !== undefined) {
      s.moveSelection(step, visible.map((l) => l.row.id)); // made on a key press, not on every table change
      e.preventDefault();
    } else if (row && (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'c') {
      copyRow(row);
      e.preventDefault();
    } else if (e.key === ' ') {
      // Space pauses / resumes (to the last interval, kept in the store), like TCPView.
      s.togglePause();
      e.preventDefault();
    } else if (e.key === 'Escape') {
      s.select(null);
    } else if (row && e.key === 'Delete') {
      startAction('kill', row);
      e.preventDefault();
    } else if (row && (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10'))) {
      const el = document.querySelector(`[data-row-id="${CSS.escape(row.id)}"]`)?.getBoundingClientRect();
      setMenu({ row, column: null, x: el ? el.left + 40 : 100, y: el ? el.bottom : 100 });
      e.preventDefault();
    }
  };

  // Global shortcuts.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent): void => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'f') {
        store.getState().setTab('sockets');
        filterRef.current?.focus();
        filterRef.current?.select();
        e.preventDefault();
      } else if (mod && e.key.toLowerCase() === 'k') {
        portRef.current?.focus();
        portRef.current?.select();
        e.preventDefault();
      } else if (e.key === 'F5') {
        void sync?.reload();
        e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, sync]);

  const emptyText =
    s.loadError ??
    (s.seq === null
      ? 'Loading sockets…'
      : s.liveList.length === 0
        ? 'No sockets reported yet.'
        : `No socket matches the filter${parsedFilter.errors.length ? ' (see the note under the filter box)' : ''}.`);

  return (
    <div className="app" data-testid="app">
      <header className="app-header">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            ◎
          </span>
          PortScope
        </div>
        <PortSearch
          query={s.portQuery}
          onQuery={s.setPortQuery}
          rows={s.liveList}
          descriptions={searchDescriptions}
          killReason={(row) => killAvailability(row, s.unavailable)}
          onKill={(row) => startAction('kill', row)}
          onCopy={copyRow}
          onSelect={(row) => {
            s.setTab('sockets');
            s.select(row.id);
          }}
          onShowAll={(port) => {
            s.setTab('sockets');
            s.setFilterText(`port:${port}`);
          }}
          inputRef={portRef}
        />
        <nav className="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={s.tab === 'sockets'} className={s.tab === 'sockets' ? 'active' : ''} onClick={() => s.setTab('sockets')} data-testid="tab-sockets">
            Sockets
          </button>
          <button type="button" role="tab" aria-selected={s.tab === 'listener'} className={s.tab === 'listener' ? 'active' : ''} onClick={() => s.setTab('listener')} data-testid="tab-listener">
            Test listener
          </button>
          <button type="button" role="tab" aria-selected={s.tab === 'audit'} className={s.tab === 'audit' ? 'active' : ''} onClick={() => s.setTab('audit')} data-testid="tab-audit">
            Audit log
          </button>
        </nav>
      </header>

      <div className="tab-page" hidden={s.tab !== 'sockets'}>
        <Toolbar
          filterText={s.filterText}
          filterErrors={parsedFilter.errors}
          onFilterText={s.setFilterText}
          toggles={s.toggles}
          onToggle={s.setToggle}
          refreshMs={s.refreshMs}
          onRefreshMs={s.setRefreshMs}
          onReload={() => void sync?.reload()}
          columnOrder={s.columnOrder}
          hiddenColumns={s.hiddenColumns}
          onColumnVisible={s.setColumnVisible}
          onMoveColumn={s.moveColumn}
          onResetColumns={s.resetColumns}
          resolveHosts={s.resolveHosts}
          onResolveHosts={(on) => {
            s.setResolveHosts(on);
            s.setColumnVisible('remoteHost', on);
          }}
          onExport={exportRows}
          theme={s.theme}
          onTheme={s.setTheme}
          filterRef={filterRef}
        />
        <main className="main-split">
          <SocketTable
            rows={visible}
            columns={visibleColumns}
            widths={s.columnWidths}
            sorting={s.sorting}
            selectedId={s.selectedId}
            onSelect={s.select}
            onSort={s.toggleSort}
            onResize={s.setColumnWidth}
            onReorder={(id, before) => {
              const order = s.columnOrder.filter((c) => c !== id);
              order.splice(order.indexOf(before), 0, id);
              s.setColumnOrder(order);
            }}
            onContextMenu={(live: LiveRow, column, x, y) => setMenu({ row: live.row, column, x, y })}
            onKeyDown={onTableKey}
            emptyText={emptyText}
            ctx={cellContext}
            onViewport={s.resolveHosts ? onViewport : undefined} // else scrolling would re-render the whole app
          />
          <DetailsPane
            row={selectedRow}
            status={selected?.status ?? null}
            descriptions={detailDescriptions}
            killReason={selectedRow ? killAvailability(selectedRow, s.unavailable) : null}
            closeReason={selectedRow ? closeAvailability(selectedRow, s.unavailable, platform) : null}
            openReason={selectedRow ? openFolderAvailability(selectedRow, s.unavailable) : null}
            onKill={() => selectedRow && startAction('kill', selectedRow)}
            onClose={() => selectedRow && startAction('close', selectedRow)}
            onOpenFolder={() => selectedRow && void openFolder(selectedRow)}
            onCopy={() => selectedRow && copyRow(selectedRow)}
          />
        </main>
      </div>
      {/* Mounted on first visit and kept, so running listeners and their logs survive tab switches. */}
      {listenerVisited && (
        <main className="listener-tab" data-testid="listener-tab" hidden={s.tab !== 'listener'}>
          <ListenerTab
            onShowHolder={(rowId) => {
              s.setTab('sockets');
              s.select(rowId);
            }}
          />
        </main>
      )}

      {auditVisited && (
        <main className="audit-tab" data-testid="audit-tab" hidden={s.tab !== 'audit'}>
          <AuditLogTab api={api} revision={s.auditRevision} active={s.tab === 'audit'} />
        </main>
      )}

      <StatusBar
        total={tally.total}
        shown={shownCount}
        counts={tally.counts}
        takenAt={s.takenAt}
        costMs={s.costMs}
        source={s.source}
        refreshMs={s.refreshMs}
        seq={s.seq}
        ownersHidden={s.ownersHidden}
        connection={connection}
        error={s.refreshError ?? s.loadError}
      />

      {menu && <ContextMenu x={menu.x} y={menu.y} items={menuItems(menu)} onClose={() => setMenu(null)} />}
      {dialog && (
        <ActionDialog
          kind={dialog.kind}
          row={dialog.row}
          api={api}
          onUnavailable={onUnavailable}
          onActed={onActed}
          onCancel={() => setDialog(null)}
          onDone={(message, failed) => {
            setDialog(null);
            notify(message, failed ? 'error' : 'info');
            void sync?.reload();
          }}
        />
      )}
      {s.notice && (
        <div className={`toast ${s.notice.kind}`} role="status" data-testid="toast">
          {s.notice.text}
        </div>
      )}
    </div>
  );
}
