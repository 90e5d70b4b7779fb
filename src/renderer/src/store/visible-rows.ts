/** The table's rows: live rows through the filter and toggles, then sorted. Memoized on input identity. */
import { matchesFilter, matchesToggles, parseFilter, type FilterToggles, type ParsedFilter } from '../../../shared/filter';
import { sortRows, type SortSpec } from '../table/column-model';
import type { LiveRow } from './live-rows';
import type { AppState } from './app-store';

export function computeVisibleRows(liveList: readonly LiveRow[], filter: ParsedFilter, toggles: FilterToggles, sorting: readonly SortSpec[]): LiveRow[] {
  const kept = liveList.filter((l) => matchesToggles(l.row, toggles) && matchesFilter(l.row, filter));
  return sortRows(kept, sorting);
}

/** A memoized selector: recomputes only when rows, filter, toggles or sorting change. */
export function createVisibleRowsSelector(): (state: AppState) => LiveRow[] {
  let last: { list: LiveRow[]; text: string; toggles: FilterToggles; sorting: SortSpec[]; out: LiveRow[] } | null = null;
  let parsed: { text: string; filter: ParsedFilter } | null = null;
  return (state) => {
    if (last && last.list === state.liveList && last.text === state.filterText && last.toggles === state.toggles && last.sorting === state.sorting) {
      return last.out;
    }
    if (!parsed || parsed.text !== state.filterText) parsed = { text: state.filterText, filter: parseFilter(state.filterText) };
    const out = computeVisibleRows(state.liveList, parsed.filter, state.toggles, state.sorting);
    last = { list: state.liveList, text: state.filterText, toggles: state.toggles, sorting: state.sorting, out };
    return out;
  };
}

/** Counts per state for the status bar (UDP counted as "UDP"). */
export function countByState(rows: readonly LiveRow[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const { row, status } of rows) {
    if (status === 'removed') continue;
    const key = row.protocol === 'udp' ? 'UDP' : (row.state ?? '?');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const order = ['LISTEN', 'ESTABLISHED', 'TIME_WAIT', 'CLOSE_WAIT', 'UDP'];
  return [...counts].sort((a, b) => {
    const ia = order.indexOf(a[0]);
    const ib = order.indexOf(b[0]);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || b[1] - a[1];
  });
}
