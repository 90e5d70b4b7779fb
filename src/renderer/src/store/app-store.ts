/**
 * The renderer's state: one vanilla zustand store built from slices, each testable without React.
 * React components read it through narrow selectors (src/renderer/src/store/use-app-store.ts).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Snapshot, SnapshotDiff } from '../../../shared/types';
import { DEFAULT_TOGGLES, type FilterToggles } from '../../../shared/filter';
import { COLUMN_IDS, DEFAULT_HIDDEN, isColumnId, type ColumnId, type SortSpec } from '../table/column-model';
import { applyDiffRows, applySnapshotRows, currentView, expireRows, type LiveChanges, type LiveRow, type LiveRowMap, type LiveTable } from './live-rows';
import { isRecord, loadJson, saveJson, type KeyValueStorage } from './storage';

export const STORAGE_KEYS = {
  filter: 'portscope.filter.v1',
  columns: 'portscope.columns.v1',
  refresh: 'portscope.refresh.v1',
  ui: 'portscope.ui.v1',
} as const;

export const REFRESH_CHOICES = [0, 1000, 2000, 5000] as const;
/** Reverse-DNS answers the renderer keeps at most. */
export const MAX_HOST_NAMES = 5000;

// ---- sockets -------------------------------------------------------------------------------------------
export interface SocketsSlice {
  live: LiveRowMap;
  /** `live` as an array, recomputed when it changes (the table's input). */
  liveList: LiveRow[];
  /** What the last change to `live` did to row data: lets the visible rows skip a walk of the table. */
  liveChanges: LiveChanges | null;
  seq: number | null;
  takenAt: string | null;
  costMs: number | null;
  source: string | null;
  /** The engine's OS (from the snapshot), null before the first one. */
  platform: string | null;
  ownersHidden: string | null;
  loadError: string | null;
  applySnapshot(snapshot: Snapshot, now: number, options?: { mark?: boolean }): void;
  /**
   * Apply a pushed diff: 'gap' means it does not follow our seq and the caller must re-pull; 'stale' that
   * our table already includes it (a snapshot that came first), nothing to do.
   */
  applyDiff(diff: SnapshotDiff, now: number): 'applied' | 'gap' | 'stale';
  expire(now: number): void;
  setLoadError(message: string | null): void;
}

// ---- filter --------------------------------------------------------------------------------------------
export interface FilterSlice {
  filterText: string;
  toggles: FilterToggles;
  setFilterText(text: string): void;
  setToggle(name: keyof FilterToggles, value: boolean): void;
  resetFilter(): void;
}

// ---- columns -------------------------------------------------------------------------------------------
export interface ColumnsSlice {
  columnOrder: ColumnId[];
  hiddenColumns: ColumnId[];
  columnWidths: Partial<Record<ColumnId, number>>;
  sorting: SortSpec[];
  setColumnOrder(order: ColumnId[]): void;
  moveColumn(id: ColumnId, delta: number): void;
  setColumnVisible(id: ColumnId, visible: boolean): void;
  setColumnWidth(id: ColumnId, width: number): void;
  /** Click on a header: sort by it ascending, then descending, then back to ascending. */
  toggleSort(id: ColumnId): void;
  setSorting(sorting: SortSpec[]): void;
  resetColumns(): void;
}

// ---- refresh -------------------------------------------------------------------------------------------
export interface RefreshSlice {
  /** 0 = paused. */
  refreshMs: number;
  /** The last non-zero interval: what Space resumes to. */
  resumeRefreshMs: number;
  /**
   * The interval last sent to main and not answered yet. While set, `poll-interval` echoes of any other
   * value are stale (an older choice, or another window's) and are ignored, so the UI never flips back.
   */
  pendingRefreshMs: number | null;
  refreshError: string | null;
  /** Set by the user: persisted and sent to main (onRefreshChange: the sync layer's refresh sender). */
  setRefreshMs(ms: number): void;
  /** Space: pause, or resume to the last non-zero interval. */
  togglePause(): void;
  /** Told by main (poll-interval event): no echo back; ignored while another value is pending. */
  refreshMsFromMain(ms: number): void;
  /** The refresh sender is about to send `ms` to main. */
  refreshSent(ms: number): void;
  /** Main answered the latest setPollInterval with the interval it now uses. */
  refreshApplied(ms: number): void;
  /** The latest setPollInterval failed. */
  refreshFailed(message: string): void;
}

// ---- selection -----------------------------------------------------------------------------------------
export interface SelectionSlice {
  selectedId: string | null;
  select(id: string | null): void;
  /** Arrow keys: move within the visible order. */
  moveSelection(delta: number, visibleIds: readonly string[]): void;
}

// ---- ui ------------------------------------------------------------------------------------------------
export type ThemeChoice = 'system' | 'light' | 'dark';
export type Tab = 'sockets' | 'listener' | 'audit';
export type ActionName = 'kill' | 'close' | 'openPath';

export interface UiSlice {
  theme: ThemeChoice;
  tab: Tab;
  portQuery: string;
  resolveHosts: boolean;
  /** Reverse-DNS answers by address (null = no name), filled only while resolveHosts is on. */
  hostNames: Readonly<Record<string, string | null>>;
  /** Bumped after every kill / close attempt, so the audit view re-reads the log. */
  auditRevision: number;
  /** Actions known to be unavailable here, with the reason the API gave (NOT_IMPLEMENTED / UNSUPPORTED). */
  unavailable: Partial<Record<ActionName, string>>;
  notice: { text: string; kind: 'info' | 'error' } | null;
  setTheme(theme: ThemeChoice): void;
  setTab(tab: Tab): void;
  setPortQuery(query: string): void;
  setResolveHosts(on: boolean): void;
  addHostNames(hosts: Readonly<Record<string, string | null>>): void;
  auditChanged(): void;
  markUnavailable(action: ActionName, reason: string): void;
  setNotice(notice: UiSlice['notice']): void;
}

export type AppState = SocketsSlice & FilterSlice & ColumnsSlice & RefreshSlice & SelectionSlice & UiSlice;
export type AppStore = StoreApi<AppState>;

export interface AppStoreOptions {
  storage: KeyValueStorage;
  /** Called when the user picks a refresh interval (wired to api.setPollInterval by the sync layer). */
  onRefreshChange?: (ms: number) => void;
}

function readFilter(v: unknown): Pick<FilterSlice, 'filterText' | 'toggles'> | null {
  if (!isRecord(v) || typeof v.filterText !== 'string' || !isRecord(v.toggles)) return null;
  const toggles = { ...DEFAULT_TOGGLES };
  for (const key of Object.keys(DEFAULT_TOGGLES) as (keyof FilterToggles)[]) {
    if (typeof v.toggles[key] === 'boolean') toggles[key] = v.toggles[key];
  }
  return { filterText: v.filterText, toggles };
}

type ColumnSettings = Pick<ColumnsSlice, 'columnOrder' | 'hiddenColumns' | 'columnWidths' | 'sorting'>;
const DEFAULT_COLUMNS: ColumnSettings = {
  columnOrder: [...COLUMN_IDS],
  hiddenColumns: [...DEFAULT_HIDDEN],
  columnWidths: {},
  sorting: [{ id: 'localPort', desc: false }],
};

function readColumns(v: unknown): ColumnSettings | null {
  if (!isRecord(v) || !Array.isArray(v.columnOrder)) return null;
  const order = v.columnOrder.filter(isColumnId);
  // Columns added in a newer version go at the end instead of vanishing.
  for (const id of COLUMN_IDS) if (!order.includes(id)) order.push(id);
  const hidden = Array.isArray(v.hiddenColumns) ? v.hiddenColumns.filter(isColumnId) : DEFAULT_COLUMNS.hiddenColumns;
  const widths: Partial<Record<ColumnId, number>> = {};
  if (isRecord(v.columnWidths)) {
    for (const [id, w] of Object.entries(v.columnWidths)) if (isColumnId(id) && typeof w === 'number' && w >= 30 && w <= 2000) widths[id] = w;
  }
  const sorting = Array.isArray(v.sorting)
    ? v.sorting.filter((s): s is SortSpec => isRecord(s) && isColumnId(s.id) && typeof s.desc === 'boolean')
    : DEFAULT_COLUMNS.sorting;
  return { columnOrder: [...new Set(order)], hiddenColumns: hidden, columnWidths: widths, sorting };
}

function readRefresh(v: unknown): number | null {
  return isRecord(v) && typeof v.refreshMs === 'number' && (REFRESH_CHOICES as readonly number[]).includes(v.refreshMs) ? v.refreshMs : null;
}

function readUi(v: unknown): Pick<UiSlice, 'theme' | 'resolveHosts'> | null {
  if (!isRecord(v)) return null;
  const theme = v.theme === 'light' || v.theme === 'dark' ? v.theme : 'system';
  return { theme, resolveHosts: v.resolveHosts === true };
}

/** A new interval; a non-zero one is also what Space resumes to (pausing keeps the last one). */
function intervalState(ms: number): Pick<RefreshSlice, 'refreshMs'> & Partial<Pick<RefreshSlice, 'resumeRefreshMs'>> {
  return ms > 0 ? { refreshMs: ms, resumeRefreshMs: ms } : { refreshMs: ms };
}

export function createAppStore(options: AppStoreOptions): AppStore {
  const { storage } = options;
  const filter = loadJson(storage, STORAGE_KEYS.filter, readFilter, { filterText: '', toggles: { ...DEFAULT_TOGGLES } });
  const columns = loadJson(storage, STORAGE_KEYS.columns, readColumns, DEFAULT_COLUMNS);
  const refreshMs = loadJson(storage, STORAGE_KEYS.refresh, readRefresh, 2000);
  const ui = loadJson(storage, STORAGE_KEYS.ui, readUi, { theme: 'system' as ThemeChoice, resolveHosts: false });

  return createStore<AppState>()((set, get) => {
    const saveFilter = (): void => saveJson(storage, STORAGE_KEYS.filter, { filterText: get().filterText, toggles: get().toggles });
    const saveColumns = (): void => {
      const s = get();
      saveJson(storage, STORAGE_KEYS.columns, { columnOrder: s.columnOrder, hiddenColumns: s.hiddenColumns, columnWidths: s.columnWidths, sorting: s.sorting });
    };
    const saveUi = (): void => saveJson(storage, STORAGE_KEYS.ui, { theme: get().theme, resolveHosts: get().resolveHosts });
    /**
     * Every path that replaces the rows (snapshot, diff, expiry) ends here: a dropped selection goes too.
     * `newRows`: the entries whose row data is new (null when unknown: a snapshot may change any).
     */
    const setLive = (live: LiveRowMap, newRows: readonly LiveRow[] | null): void => {
      const base = get().live;
      if (live === base) return;
      const selected = get().selectedId;
      set({
        live,
        liveList: [...live.values()],
        liveChanges: newRows && { base, rows: newRows },
        ...(selected !== null && !live.has(selected) ? { selectedId: null } : {}),
      });
    };

    return {
      // sockets
      live: new Map(),
      liveList: [],
      liveChanges: null,
      seq: null,
      takenAt: null,
      costMs: null,
      source: null,
      platform: null,
      ownersHidden: null,
      loadError: null,
      applySnapshot(snapshot, now, opts = {}) {
        const mark = opts.mark ?? get().seq !== null;
        setLive(applySnapshotRows(get().live, snapshot, now, mark), null);
        set({
          seq: snapshot.seq,
          takenAt: snapshot.takenAt,
          costMs: snapshot.costMs,
          source: snapshot.source,
          platform: snapshot.platform ?? null,
          ownersHidden: snapshot.ownersHidden,
          loadError: null,
        });
      },
      applyDiff(diff, now) {
        const seq = get().seq;
        if (seq === null) return 'gap';
        if (diff.seq <= seq) return 'stale';
        if (diff.fromSeq !== seq) return 'gap';
        let live: LiveTable;
        try {
          live = applyDiffRows(get().live, diff, now);
        } catch {
          // A malformed diff: the rows were updated in place up to the failure. Show them as they are (a
          // full pass: no changes given) and have the caller re-pull the table.
          setLive(currentView(get().live), null);
          return 'gap';
        }
        const touched = new Set([...diff.added, ...diff.changed].map((row) => row.id)); // an id twice is one row
        setLive(live, [...touched].flatMap((id) => live.get(id) ?? []));
        // A part with more to come leaves us at fromSeq: the next part applies to it too.
        if (!diff.more) set({ seq: diff.seq, takenAt: diff.takenAt, costMs: diff.costMs, ownersHidden: diff.ownersHidden });
        return 'applied';
      },
      expire(now) {
        setLive(expireRows(get().live, now), []); // ageing changes statuses, never row data
      },
      setLoadError: (loadError) => set({ loadError }),

      // filter
      ...filter,
      setFilterText(filterText) {
        set({ filterText });
        saveFilter();
      },
      setToggle(name, value) {
        set({ toggles: { ...get().toggles, [name]: value } });
        saveFilter();
      },
      resetFilter() {
        set({ filterText: '', toggles: { ...DEFAULT_TOGGLES } });
        saveFilter();
      },

      // columns
      ...columns,
      setColumnOrder(order) {
        const valid = order.filter(isColumnId);
        for (const id of COLUMN_IDS) if (!valid.includes(id)) valid.push(id);
        set({ columnOrder: valid });
        saveColumns();
      },
      moveColumn(id, delta) {
        const order = [...get().columnOrder];
        const from = order.indexOf(id);
        const to = Math.max(0, Math.min(order.length - 1, from + delta));
        if (from < 0 || from === to) return;
        order.splice(to, 0, ...order.splice(from, 1));
        set({ columnOrder: order });
        saveColumns();
      },
      setColumnVisible(id, visible) {
        const hidden = get().hiddenColumns.filter((h) => h !== id);
        if (!visible) hidden.push(id);
        // Keep at least one column visible.
        if (hidden.length >= COLUMN_IDS.length) return;
        set({ hiddenColumns: hidden });
        saveColumns();
      },
      setColumnWidth(id, width) {
        set({ columnWidths: { ...get().columnWidths, [id]: Math.max(30, Math.min(2000, Math.round(width))) } });
        saveColumns();
      },
      toggleSort(id) {
        const current = get().sorting[0];
        set({ sorting: [{ id, desc: current?.id === id ? !current.desc : false }] });
        saveColumns();
      },
      setSorting(sorting) {
        set({ sorting });
        saveColumns();
      },
      resetColumns() {
        set({ ...DEFAULT_COLUMNS, columnOrder: [...DEFAULT_COLUMNS.columnOrder], hiddenColumns: [...DEFAULT_COLUMNS.hiddenColumns] });
        saveColumns();
      },

      // refresh
      refreshMs,
      resumeRefreshMs: refreshMs > 0 ? refreshMs : 2000,
      pendingRefreshMs: null,
      refreshError: null,
      setRefreshMs(ms) {
        set({ ...intervalState(ms), pendingRefreshMs: ms, refreshError: null });
        saveJson(storage, STORAGE_KEYS.refresh, { refreshMs: ms });
        options.onRefreshChange?.(ms);
      },
      togglePause() {
        const s = get();
        s.setRefreshMs(s.refreshMs === 0 ? s.resumeRefreshMs : 0);
      },
      refreshMsFromMain(ms) {
        const pending = get().pendingRefreshMs;
        if (pending !== null && ms !== pending) return;
        set(intervalState(ms));
      },
      refreshSent: (ms) => set({ pendingRefreshMs: ms }),
      refreshApplied(ms) {
        set({ ...intervalState(ms), pendingRefreshMs: null });
        if ((REFRESH_CHOICES as readonly number[]).includes(ms)) saveJson(storage, STORAGE_KEYS.refresh, { refreshMs: ms });
      },
      refreshFailed: (message) => set({ pendingRefreshMs: null, refreshError: message }),

      // selection
      selectedId: null,
      select: (selectedId) => set({ selectedId }),
      moveSelection(delta, visibleIds) {
        if (visibleIds.length === 0) return;
        const at = get().selectedId === null ? -1 : visibleIds.indexOf(get().selectedId as string);
        const next = at < 0 ? (delta > 0 ? 0 : visibleIds.length - 1) : Math.max(0, Math.min(visibleIds.length - 1, at + delta));
        set({ selectedId: visibleIds[next] });
      },

      // ui
      ...ui,
      tab: 'sockets',
      portQuery: '',
      hostNames: {},
      auditRevision: 0,
      unavailable: {},
      notice: null,
      setTheme(theme) {
        set({ theme });
        saveUi();
      },
      setTab: (tab) => set({ tab }),
      setPortQuery: (portQuery) => set({ portQuery }),
      setResolveHosts(resolveHosts) {
        // Names are dropped when the toggle goes off: turned on again, they are asked afresh.
        set(resolveHosts ? { resolveHosts } : { resolveHosts, hostNames: {} });
        saveUi();
      },
      addHostNames(hosts) {
        if (!get().resolveHosts) return;
        const known = get().hostNames;
        // Bounded: past MAX_HOST_NAMES the old answers go (they are cached in main anyway).
        const base = Object.keys(known).length >= MAX_HOST_NAMES ? {} : known;
        set({ hostNames: { ...base, ...hosts } });
      },
      auditChanged: () => set({ auditRevision: get().auditRevision + 1 }),
      markUnavailable: (action, reason) => set({ unavailable: { ...get().unavailable, [action]: reason } }),
      setNotice: (notice) => set({ notice }),
    };
  });
}
