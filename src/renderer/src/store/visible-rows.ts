/** The table's rows: live rows through the filter and toggles, then sorted. Memoized on input identity. */
import { matchesFilter, matchesToggles, parseFilter, type FilterToggles, type ParsedFilter } from '../../../shared/filter';
import { rowComparator, type SortSpec } from '../table/column-model';
import type { LiveChanges, LiveRow, LiveRowMap } from './live-rows';
import type { AppState } from './app-store';

type Keep = (live: LiveRow) => boolean;
type Compare = (a: LiveRow, b: LiveRow) => number;

const keepFor =
  (filter: ParsedFilter, toggles: FilterToggles): Keep =>
  (l) =>
    matchesToggles(l.row, toggles) && matchesFilter(l.row, filter);

export function computeVisibleRows(liveList: readonly LiveRow[], filter: ParsedFilter, toggles: FilterToggles, sorting: readonly SortSpec[]): LiveRow[] {
  return liveList.filter(keepFor(filter, toggles)).sort(rowComparator(sorting));
}

/**
 * The visible rows after one change to the live rows while filter, toggles and sorting did not. Filter and
 * order depend on the row's data only, so a live row whose `row` is the same object as before keeps its
 * place (a highlight expiring or a closed row turning red moves nothing); only the change's new and changed
 * rows are filtered, sorted and merged in. At 41k rows a diff then costs a walk instead of a full sort.
 * `changes` must be the change from `before.live` to `live`: the old table is never read (diffs update its
 * rows in place, see LiveTable).
 */
export function updateVisibleRows(before: { visible: readonly LiveRow[] }, live: LiveRowMap, keep: Keep, compare: Compare, changes: LiveChanges): LiveRow[] {
  const fresh: LiveRow[] = [];
  for (const now of changes.rows) if (keep(now)) fresh.push(now);
  fresh.sort(compare);
  // One pass and one array (at 41k rows each extra array is a large object for the GC): the kept rows,
  // in their order, as their current live rows, with the fresh ones merged in. Sized once up front:
  // growing it by push copied it several times over per refresh.
  const out = new Array<LiveRow>(before.visible.length + fresh.length);
  let n = 0;
  let f = 0;
  for (const old of before.visible) {
    let now = old;
    if (old.superseded) {
      // Replaced or dropped since: only such rows are looked up (at 64k rows a lookup per row per refresh
      // was the page's largest cost).
      const current = live.get(old.row.id);
      if (!current || current.row !== old.row) continue; // gone, or its data changed (then it is among the fresh)
      now = current;
    }
    while (f < fresh.length && compare(fresh[f]!, now) < 0) out[n++] = fresh[f++]!;
    out[n++] = now;
  }
  while (f < fresh.length) out[n++] = fresh[f++]!;
  out.length = n;
  return out;
}

/** A memoized selector: recomputes when rows, filter, toggles or sorting change; only what changed when just rows did. */
export function createVisibleRowsSelector(): (state: AppState) => LiveRow[] {
  let last: { live: LiveRowMap; text: string; toggles: FilterToggles; sorting: SortSpec[]; keep: Keep; compare: Compare; visible: LiveRow[] } | null = null;
  return (state) => {
    // The same filter, toggles and sorting as last time: only the rows changed.
    const view = last && last.text === state.filterText && last.toggles === state.toggles && last.sorting === state.sorting ? last : null;
    if (view && view.live === state.live) return view.visible;
    const keep = view?.keep ?? keepFor(parseFilter(state.filterText), state.toggles);
    const compare = view?.compare ?? rowComparator<LiveRow>(state.sorting);
    // Incremental only when the store's last change started from the table we last saw; after a snapshot,
    // or changes we did not see (their rows are gone: diffs update the table in place), a full pass.
    const changes = view && state.liveChanges?.base === view.live ? state.liveChanges : null;
    const visible = view && changes ? updateVisibleRows(view, state.live, keep, compare, changes) : state.liveList.filter(keep).sort(compare);
    last = { live: state.live, text: state.filterText, toggles: state.toggles, sorting: state.sorting, keep, compare, visible };
    return visible;
  };
}

/** Rows shown, closed ones (still red) left out. */
export function countShown(rows: readonly LiveRow[]): number {
  let shown = 0;
  for (const { status } of rows) if (status !== 'removed') shown++;
  return shown;
}

/** The status bar's states, in its order; any other state follows them. */
const STATE_ORDER = ['LISTEN', 'ESTABLISHED', 'TIME_WAIT', 'CLOSE_WAIT', 'UDP'];

/**
 * Counts per state for the status bar (UDP counted as "UDP"). Once per table change over every row: the
 * usual states are counted in an array (a map update per row took ~4 ms at 63k rows).
 */
export function countByState(rows: readonly LiveRow[]): [string, number][] {
  const usual = [0, 0, 0, 0, 0]; // STATE_ORDER's
  const other = new Map<string, number>();
  for (const { row, status } of rows) {
    if (status === 'removed') continue;
    if (row.protocol === 'udp') usual[4]!++;
    else if (row.state === 'ESTABLISHED') usual[1]!++;
    else if (row.state === 'TIME_WAIT') usual[2]!++;
    else if (row.state === 'LISTEN') usual[0]!++;
    else if (row.state === 'CLOSE_WAIT') usual[3]!++;
    else {
      const key = row.state ?? '?';
      other.set(key, (other.get(key) ?? 0) + 1);
    }
  }
  const counts: [string, number][] = STATE_ORDER.map((state, i): [string, number] => [state, usual[i]!]).filter(([, n]) => n > 0);
  return [...counts, ...[...other].sort((a, b) => b[1] - a[1])];
}
