/** The table's rows: live rows through the filter and toggles, then sorted. Memoized on input identity. */
import { matchesFilter, matchesToggles, parseFilter, type FilterToggles, type ParsedFilter } from '../../../shared/filter';
import { rowComparator, type SortSpec } from '../table/column-model';
import type { LiveRow, LiveRowMap } from './live-rows';
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
 * The visible rows after the live rows changed while filter, toggles and sorting did not. Filter and
 * order depend on the row's data only, so a live row whose `row` is the same object as before keeps its
 * place (a highlight expiring or a closed row turning red moves nothing); only new and changed rows are
 * filtered, sorted and merged in. At 41k rows a diff then costs a walk instead of a full sort.
 */
export function updateVisibleRows(
  before: { live: LiveRowMap; visible: readonly LiveRow[] },
  live: LiveRowMap,
  keep: Keep,
  compare: Compare,
): LiveRow[] {
  const kept: LiveRow[] = [];
  for (const old of before.visible) {
    const now = live.get(old.row.id);
    if (now && now.row === old.row) kept.push(now);
  }
  const fresh: LiveRow[] = [];
  for (const [id, now] of live) {
    if (before.live.get(id)?.row === now.row) continue; // unchanged data: already placed, or filtered out
    if (keep(now)) fresh.push(now);
  }
  return fresh.length === 0 ? kept : mergeSorted(kept, fresh.sort(compare), compare);
}

function mergeSorted(a: readonly LiveRow[], b: readonly LiveRow[], compare: Compare): LiveRow[] {
  const out: LiveRow[] = new Array<LiveRow>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compare(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
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
    const visible = view ? updateVisibleRows(view, state.live, keep, compare) : state.liveList.filter(keep).sort(compare);
    last = { live: state.live, text: state.filterText, toggles: state.toggles, sorting: state.sorting, keep, compare, visible };
    return visible;
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
