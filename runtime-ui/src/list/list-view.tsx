import type { RowSelectionState, SortingState } from '@tanstack/react-table';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Describe } from '../api/describe';
import { useI18n } from '../i18n/i18n';
import { Link, useRouter } from '../router/router';
import { ApiErrorView } from '../shell/api-error-view';
import { FilterBuilder } from '../filter-builder/filter-builder';
import { emptyFilter, fromJsonLogic, toJsonLogic, type FilterGroup } from '../filter-builder/filter-model';
import { useUserDirectory } from '../filter-builder/user-directory';
import { BulkActions } from './bulk-actions';
import type { CellEnv } from './cells';
import { exportHref, pagePath, queryFromUrl, shownColumns, urlFromQuery, type ListQuery } from './list-query';
import { ListTable } from './list-table';
import { ColumnPicker, SaveView, SearchBox, ViewPicker } from './list-toolbar';
import { queryFromView, usePersonalViews, viewFromQuery } from './personal-views';
import { useLookupNames } from './use-lookup-names';
import { useRecordPages } from './use-record-pages';

/** Counts the conditions of a filter tree, for the filter button. */
const conditionCount = (g: FilterGroup): number => g.children.reduce((n, c) => n + (c.kind === 'group' ? conditionCount(c) : 1), 0);

/**
 * The list of an object's records, generated from its describe: views
 * (metadata and personal), quick search, the filter builder, columns,
 * header sorting, infinite scrolling, selection with bulk actions, CSV export
 * and a New button. The list's state lives in the address.
 */
export function ListView({ describe }: { describe: Describe }) {
  const i18n = useI18n();
  const { t, label } = i18n;
  const { query: params, navigate, path } = useRouter();
  const object = describe.object.name;
  const q = useMemo(() => queryFromUrl(params), [params]);
  const columns = useMemo(() => shownColumns(describe, q), [describe, q]);
  const key = pagePath(object, q, columns, { limit: 0 });
  const pages = useRecordPages(key, (page) => pagePath(object, q, columns, page));
  const lookupName = useLookupNames(pages.records, columns);
  const users = useUserDirectory();
  const personal = usePersonalViews(object);
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [panel, setPanel] = useState<'filter' | 'columns'>();
  const [notice, setNotice] = useState<string>();

  const go = useCallback((next: ListQuery) => navigate(`${path}${urlFromQuery(next)}`, { replace: true }), [navigate, path]);
  useEffect(() => setSelection({}), [key]);

  // The builder keeps its own tree (with conditions still being typed); the address holds the json-logic of the complete ones.
  const urlFilter = JSON.stringify(q.filter ?? null);
  const [tree, setTree] = useState<FilterGroup | undefined>(() => fromJsonLogic(q.filter, describe.object.fields));
  useEffect(() => {
    setTree((current) => (current && JSON.stringify(toJsonLogic(current, describe.object.fields) ?? null) === urlFilter ? current : fromJsonLogic(q.filter, describe.object.fields)));
  }, [urlFilter]);
  useEffect(() => {
    if (!tree) return;
    const logic = toJsonLogic(tree, describe.object.fields);
    if (JSON.stringify(logic ?? null) === urlFilter) return;
    const timer = setTimeout(() => go({ ...q, filter: logic }), 400);
    return () => clearTimeout(timer);
  }, [tree]);

  const env: CellEnv = useMemo(() => ({ i18n, lookupName, userName: (id) => users.find((u) => u.id === id)?.displayName }), [i18n, lookupName, users]);
  // Without a sort of its own, the list is in the metadata view's order (the server applies it): show that on the headers.
  const viewSort = describe.object.listViews.find((v) => v.name === q.view)?.sort ?? [];
  const sorting: SortingState = q.sort.length ? q.sort.map((s) => ({ id: s.field, desc: s.desc })) : viewSort.map((s) => ({ id: s.replace(/^-/, ''), desc: s.startsWith('-') }));
  const selectedIds = Object.keys(selection).filter((id) => selection[id]);
  const hasPicklist = describe.object.fields.some((f) => f.type === 'picklist');
  const currentPersonal = personal.views.find((v) => v.name === q.mine);

  const pickView = (kind: 'all' | 'view' | 'mine', name?: string) => {
    if (kind === 'all') return go({ sort: [], q: '' });
    if (kind === 'view') return go({ view: name, sort: [], q: '' });
    const v = personal.views.find((x) => x.name === name);
    if (v) go(queryFromView(v));
  };

  return (
    <section className="lv" data-testid="list-view">
      <header className="lv-header">
        <h1>{label(describe.object.pluralLabel, object)}</h1>
        <span className="lv-total" data-testid="list-total">
          {pages.total !== undefined ? t('list.total', { n: i18n.fmt.number(pages.total) }) : ''}
        </span>
        <span className="spacer" />
        {hasPicklist && (
          <Link to={`/app/o/${encodeURIComponent(object)}/kanban`} className="lv-button" data-testid="open-kanban">
            {t('list.kanban')}
          </Link>
        )}
        {describe.access.create && (
          <Link to={`/app/o/${encodeURIComponent(object)}/new`} className="lv-button lv-primary" data-testid="new-record">
            {t('common.new')}
          </Link>
        )}
      </header>
      <div className="lv-toolbar">
        <ViewPicker describe={describe} query={q} mine={personal.views} onPick={pickView} />
        <SearchBox value={q.q} onSearch={(text) => go({ ...q, q: text })} />
        <button type="button" aria-pressed={panel === 'filter'} onClick={() => setPanel(panel === 'filter' ? undefined : 'filter')} data-testid="toggle-filter">
          {tree && conditionCount(tree) ? t('list.filter.count', { n: conditionCount(tree) }) : t('list.filter')}
        </button>
        <button type="button" aria-pressed={panel === 'columns'} onClick={() => setPanel(panel === 'columns' ? undefined : 'columns')} data-testid="toggle-columns">
          {t('list.columns')}
        </button>
        <a className="lv-button" href={exportHref(object, q, columns)} download={`${object}.csv`} data-testid="export-csv">
          {t('list.export')}
        </a>
        <a className="lv-button" href={exportHref(object, q, columns).replace('/export.csv?', '/export.xlsx?')} download={`${object}.xlsx`} data-testid="export-xlsx">
          {t('list.exportXlsx')}
        </a>
        {(describe.access.create || describe.access.edit) && (
          <Link to={`/app/o/${encodeURIComponent(object)}/import`} className="lv-button" data-testid="import-records">
            {t('list.import')}
          </Link>
        )}
        <SaveView
          current={currentPersonal}
          onSave={async (name) => {
            const v = viewFromQuery(name, q, columns.map((c) => c.name));
            await personal.save(v);
            go(queryFromView(v));
          }}
          onDelete={async () => {
            await personal.remove(q.mine!);
            go({ sort: [], q: '' });
          }}
        />
      </div>
      {panel === 'filter' && (
        <div className="lv-panel">
          {tree ? (
            <FilterBuilder fields={describe.object.fields} value={tree} onChange={setTree} />
          ) : (
            <p className="lv-note">{t('list.filter.custom')}</p>
          )}
          {(q.filter !== undefined || (tree && tree.children.length > 0)) && (
            <button type="button" className="link" onClick={() => (setTree(emptyFilter()), go({ ...q, filter: undefined }))} data-testid="clear-filter">
              {t('list.filter.clear')}
            </button>
          )}
        </div>
      )}
      {panel === 'columns' && <ColumnPicker fields={describe.object.fields} shown={columns} onChange={(names) => go({ ...q, columns: names })} />}
      {selectedIds.length > 0 && (
        <BulkActions
          describe={describe}
          ids={selectedIds}
          onClear={() => setSelection({})}
          onDone={(message) => {
            setNotice(message);
            setSelection({});
            pages.reload();
          }}
        />
      )}
      {notice && (
        <p role="status" className="lv-notice" data-testid="list-notice">
          {notice}
          <button type="button" className="link" aria-label="×" onClick={() => setNotice(undefined)}>
            ×
          </button>
        </p>
      )}
      {pages.error && <ApiErrorView error={pages.error} retry={pages.records.length ? pages.loadMore : pages.reload} />}
      {pages.loading ? (
        <p>{t('common.loading')}</p>
      ) : (
        <>
          <ListTable object={object} records={pages.records} columns={columns} env={env} sorting={sorting} onSortingChange={(s) => go({ ...q, sort: s.map((x) => ({ field: x.id, desc: x.desc })) })} selection={selection} onSelectionChange={setSelection} hasMore={pages.hasMore && !pages.error} loadMore={pages.loadMore} />
          {!pages.error && pages.records.length === 0 && <p className="lv-note">{t('list.empty')}</p>}
          {pages.loadingMore && <p className="lv-note">{t('list.loadingMore')}</p>}
        </>
      )}
    </section>
  );
}
