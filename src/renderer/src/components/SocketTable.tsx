/**
 * The virtualized socket table. TanStack Table holds the column structure and sizing; rows arrive
 * already filtered and sorted (store/visible-rows.ts), so sorting is one tested function.
 * Only the rows in view are in the DOM (TanStack Virtual), so 40 000 TIME_WAIT rows stay smooth.
 */
import { useCallback, useEffect, useMemo, useRef, type DragEvent, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { getCoreRowModel, useReactTable, type ColumnDef, type ColumnSizingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { COLUMNS, NO_VALUE, type CellContext, type ColumnId, type SortSpec } from '../table/column-model';
import type { LiveRow } from '../store/live-rows';
import { printable } from '../../../shared/printable';

export const ROW_HEIGHT = 24;
const NO_DATA: LiveRow[] = [];

export interface SocketTableProps {
  rows: LiveRow[];
  columns: ColumnId[];
  widths: Partial<Record<ColumnId, number>>;
  sorting: SortSpec[];
  selectedId: string | null;
  onSelect(id: string): void;
  onSort(id: ColumnId): void;
  onResize(id: ColumnId, width: number): void;
  onReorder(id: ColumnId, beforeId: ColumnId): void;
  onContextMenu(row: LiveRow, column: ColumnId | null, x: number, y: number): void;
  onKeyDown(e: KeyboardEvent<HTMLDivElement>): void;
  emptyText: string;
  /** What cells show besides the row (reverse-DNS names for the Remote host column). */
  ctx: CellContext;
  /** The index range of rows in the DOM (the viewport plus overscan), e.g. to resolve only their hosts. */
  onViewport?(first: number, last: number): void;
}

function Cell({ id, live, ctx }: { id: ColumnId; live: LiveRow; ctx: CellContext }): ReactNode {
  const { row } = live;
  const text = printable(COLUMNS[id].text(row, ctx)); // names and paths come from other processes
  switch (id) {
    case 'process':
      return (
        <>
          {row.ownerVerdict?.verdict === 'unexpected' && (
            <span className="warn-dot" title={row.ownerVerdict.reason} aria-label="unexpected owner">
              !
            </span>
          )}
          <span className={row.processName ? 'proc-name' : 'muted'} title={printable(row.ownerHidden ?? row.processPath ?? '') || undefined}>
            {printable(row.processName ?? (row.ownerHidden ? 'hidden' : NO_VALUE))}
          </span>
        </>
      );
    case 'meaning':
      return row.meaning ? (
        <span title={`${row.meaning.description} (${row.meaning.source})`}>
          <span className="meaning-name">{row.meaning.name}</span> <span className="muted">{row.meaning.description}</span>
        </span>
      ) : (
        <span className="muted" />
      );
    case 'state': {
      const key = (row.state ?? (row.protocol === 'udp' ? 'udp' : '')).toLowerCase();
      return text ? <span className={`state state-${key}`}>{text}</span> : null;
    }
    case 'remoteHost': {
      const named = row.remoteAddress !== null && Boolean(ctx.hosts?.[row.remoteAddress]);
      return (
        <span className={named ? undefined : 'muted'} title={named ? `${text} (${row.remoteAddress})` : undefined}>
          {text}
        </span>
      );
    }
    default:
      return <span title={text.length > 18 ? text : undefined}>{text}</span>;
  }
}

export function SocketTable(props: SocketTableProps): ReactNode {
  const { rows, columns, widths, sorting, selectedId, ctx, onViewport } = props;
  const scrollRef = useRef<HTMLDivElement>(null);

  const columnDefs = useMemo<ColumnDef<LiveRow>[]>(
    () =>
      columns.map((id) => ({
        id,
        header: COLUMNS[id].label,
        size: widths[id] ?? COLUMNS[id].width,
        minSize: 36,
        maxSize: 1200,
      })),
    [columns, widths],
  );
  const columnSizing = useMemo<ColumnSizingState>(() => Object.fromEntries(columns.map((id) => [id, widths[id] ?? COLUMNS[id].width])), [columns, widths]);

  const table = useReactTable({
    // Only headers and sizing come from TanStack; rows are rendered from `rows` directly, so the table
    // never builds 40 000 row models per refresh.
    data: NO_DATA,
    columns: columnDefs,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualFiltering: true,
    columnResizeMode: 'onChange',
    state: { columnSizing },
    onColumnSizingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(columnSizing) : updater;
      for (const [id, width] of Object.entries(next)) if (width !== columnSizing[id]) props.onResize(id as ColumnId, width);
    },
  });

  // A stable key function: the virtualizer re-measures all rows (41k objects) whenever it changes.
  const getItemKey = useCallback((index: number) => rows[index].row.id, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 24,
    getItemKey,
  });

  // Keep the selection in view when it moves by keyboard.
  const selectedIndex = selectedId === null ? -1 : rows.findIndex((l) => l.row.id === selectedId);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const firstIndex = items.length ? items[0].index : 0;
  const lastIndex = items.length ? items[items.length - 1].index : -1;
  useEffect(() => {
    onViewport?.(firstIndex, lastIndex);
  }, [firstIndex, lastIndex, onViewport]);

  const totalWidth = table.getTotalSize();
  const sort = sorting[0];
  const template = columns.map((id) => `${columnSizing[id]}px`).join(' ');

  const onDragStart = (e: DragEvent, id: ColumnId): void => {
    e.dataTransfer.setData('text/x-portscope-column', id);
    e.dataTransfer.effectAllowed = 'move';
  };
  const onDrop = (e: DragEvent, target: ColumnId): void => {
    const id = e.dataTransfer.getData('text/x-portscope-column');
    if (id && id !== target) props.onReorder(id as ColumnId, target);
  };
  const cellColumn = (e: MouseEvent): ColumnId | null => {
    const el = (e.target as HTMLElement).closest('[data-col]');
    return (el?.getAttribute('data-col') as ColumnId | null) ?? null;
  };

  return (
    <div className="table-scroll" ref={scrollRef} tabIndex={0} onKeyDown={props.onKeyDown} data-testid="socket-table" role="grid" aria-rowcount={rows.length}>
      <div className="table-inner" style={{ width: totalWidth }}>
        <div className="thead" role="row" style={{ gridTemplateColumns: template }}>
          {table.getFlatHeaders().map((header) => {
            const id = header.id as ColumnId;
            const sorted = sort?.id === id ? (sort.desc ? 'descending' : 'ascending') : 'none';
            return (
              <div
                key={id}
                className={`th${COLUMNS[id].align === 'right' ? ' right' : ''}${sorted !== 'none' ? ' sorted' : ''}`}
                role="columnheader"
                aria-sort={sorted}
                data-testid={`col-${id}`}
                draggable
                onDragStart={(e) => onDragStart(e, id)}
                onDragOver={(e) => e.preventDefault()}
                onDrop={(e) => onDrop(e, id)}
                onClick={() => props.onSort(id)}
                title={`Sort by ${COLUMNS[id].label} · drag to reorder`}
              >
                <span className="th-label">{COLUMNS[id].label}</span>
                {sorted !== 'none' && <span className="sort-arrow">{sorted === 'ascending' ? '▲' : '▼'}</span>}
                <span
                  className={`resizer${header.column.getIsResizing() ? ' resizing' : ''}`}
                  onMouseDown={header.getResizeHandler()}
                  onTouchStart={header.getResizeHandler()}
                  onClick={(e) => e.stopPropagation()}
                  onDoubleClick={(e) => {
                    e.stopPropagation();
                    props.onResize(id, COLUMNS[id].width);
                  }}
                  draggable={false}
                  onDragStart={(e) => e.preventDefault()}
                />
              </div>
            );
          })}
        </div>
        {rows.length === 0 ? (
          <div className="table-empty" data-testid="table-empty">
            {props.emptyText}
          </div>
        ) : (
          <div className="tbody" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const live = rows[item.index];
              const selected = live.row.id === selectedId;
              return (
                <div
                  key={item.key}
                  className={`tr status-${live.status}${selected ? ' selected' : ''}${item.index % 2 ? ' odd' : ''}`}
                  role="row"
                  aria-selected={selected}
                  data-testid="socket-row"
                  data-row-id={live.row.id}
                  data-status={live.status}
                  data-port={live.row.localPort}
                  data-seq={live.firstSeq}
                  style={{ transform: `translateY(${item.start}px)`, gridTemplateColumns: template }}
                  onMouseDown={() => props.onSelect(live.row.id)}
                  onContextMenu={(e) => {
                    e.preventDefault();
                    props.onSelect(live.row.id);
                    props.onContextMenu(live, cellColumn(e), e.clientX, e.clientY);
                  }}
                >
                  {columns.map((id) => (
                    <div key={id} className={`td${COLUMNS[id].align === 'right' ? ' right' : ''}`} role="gridcell" data-col={id}>
                      <Cell id={id} live={live} ctx={ctx} />
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
