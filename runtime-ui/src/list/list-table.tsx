import { createColumnHelper, rowSelectionFeature, rowSortingFeature, tableFeatures, useTable, type RowSelectionState, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type CSSProperties } from 'react';
import type { FieldDef, RecordData } from '../api/describe';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router/router';
import { CellValue, type CellEnv } from './cells';

const features = tableFeatures({ rowSortingFeature, rowSelectionFeature });
const helper = createColumnHelper<typeof features, RecordData>();

/** Row height in pixels (one line per row; the virtualiser positions rows by it). */
export const ROW_HEIGHT = 36;
/** Start loading the next page this many rows before the end. */
const PREFETCH_ROWS = 30;

/** A column's width by field type: narrow for flags and numbers, wide for names and text. */
export function columnWidth(f: FieldDef): number {
  if (f.name === 'name') return 220;
  const widths: Record<string, number> = { boolean: 80, integer: 110, number: 120, currency: 140, percent: 100, date: 120, datetime: 170, picklist: 140, multipicklist: 200, lookup: 180, user: 140, textarea: 240 };
  return widths[f.type] ?? 170;
}

export interface ListTableProps {
  object: string;
  records: RecordData[];
  columns: FieldDef[];
  env: CellEnv;
  sorting: SortingState;
  onSortingChange(next: SortingState): void;
  selection: RowSelectionState;
  onSelectionChange(next: RowSelectionState): void;
  hasMore: boolean;
  loadMore(): void;
}

/**
 * The list's grid: TanStack Table for columns, server-side sorting (header
 * clicks change the sort the server is asked for) and row selection;
 * TanStack Virtual renders only the rows in view, and asks for the next page
 * as the user nears the end. Scrolls both ways inside its own box, so wide
 * lists work on a phone.
 */
export function ListTable({ object, records, columns, env, sorting, onSortingChange, selection, onSelectionChange, hasMore, loadMore }: ListTableProps) {
  const { t, label } = useI18n();
  const tableColumns = useMemo(
    () => [
      helper.display({
        id: '_select',
        header: ({ table }) => (
          <input type="checkbox" aria-label={t('list.selectAll')} checked={table.getIsAllRowsSelected()} ref={(el) => void (el && (el.indeterminate = table.getIsSomeRowsSelected()))} onChange={table.getToggleAllRowsSelectedHandler()} data-testid="select-all" />
        ),
        cell: ({ row }) => <input type="checkbox" aria-label={t('list.selectRow', { name: String(row.original.name ?? row.original.id) })} checked={row.getIsSelected()} onChange={row.getToggleSelectedHandler()} data-testid="select-row" />,
        enableSorting: false,
      }),
      ...columns.map((f) =>
        helper.accessor((r: RecordData) => r[f.name], {
          id: f.name,
          header: () => label(f.label, f.name),
          enableSorting: f.type !== 'multipicklist',
          cell: ({ row, getValue }) =>
            f.name === 'name' ? (
              <Link to={`/app/o/${encodeURIComponent(object)}/${encodeURIComponent(row.original.id)}`} className="lv-name">
                {row.original.name == null || row.original.name === '' ? t('list.unnamed') : String(row.original.name)}
              </Link>
            ) : (
              <CellValue value={getValue()} field={f} env={env} />
            ),
        }),
      ),
    ],
    [columns, env, label, object, t],
  );
  const table = useTable({
    features,
    columns: tableColumns,
    data: records,
    getRowId: (r) => r.id,
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: true,
    sortDescFirst: false,
    state: { sorting, rowSelection: selection },
    onSortingChange: (u) => onSortingChange(typeof u === 'function' ? u(sorting) : u),
    onRowSelectionChange: (u) => onSelectionChange(typeof u === 'function' ? u(selection) : u),
  });

  const scroller = useRef<HTMLDivElement>(null);
  const rows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12, getItemKey: (i) => rows[i]!.id });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length ? items[items.length - 1]!.index : -1;
  useEffect(() => {
    if (hasMore && lastIndex >= rows.length - PREFETCH_ROWS) loadMore();
  }, [hasMore, lastIndex, rows.length, loadMore]);

  const template = `44px ${columns.map((c) => `${columnWidth(c)}px`).join(' ')}`;
  const width = 44 + columns.reduce((n, c) => n + columnWidth(c), 0);
  const rowStyle: CSSProperties = { display: 'grid', gridTemplateColumns: template, width };
  return (
    <div className="lv-scroller" ref={scroller} data-testid="list-scroller">
      <div role="table" aria-rowcount={rows.length + 1} className="lv-table" style={{ width }}>
        <div role="rowgroup" className="lv-head">
          {table.getHeaderGroups().map((group) => (
            <div role="row" key={group.id} style={rowStyle}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const canSort = header.column.getCanSort();
                return (
                  <div role="columnheader" key={header.id} className="lv-th" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : canSort ? 'none' : undefined} data-field={header.column.id}>
                    {canSort ? (
                      <button type="button" className="lv-sort" onClick={header.column.getToggleSortingHandler()}>
                        <table.FlexRender header={header} />
                        <span className="lv-sort-mark" aria-hidden>
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                        </span>
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        <div role="rowgroup" className="lv-body" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows[item.index]!;
            return (
              <div role="row" key={row.id} data-index={item.index} data-id={row.id} aria-selected={row.getIsSelected()} className={`lv-row${row.getIsSelected() ? ' lv-selected' : ''}`} style={{ ...rowStyle, position: 'absolute', top: 0, left: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}>
                {row.getAllCells().map((cell) => (
                  <div role="cell" key={cell.id} className="lv-td" data-field={cell.column.id}>
                    <table.FlexRender cell={cell} />
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
