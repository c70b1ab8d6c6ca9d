import { DndContext, DragOverlay, KeyboardSensor, MouseSensor, TouchSensor, useDraggable, useDroppable, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { useMemo, useState, type ReactNode } from 'react';
import type { Describe, FieldDef, RecordData } from '../api/describe';
import { useI18n } from '../i18n/i18n';
import { Link, useRouter } from '../router/router';
import { ApiErrorView } from '../shell/api-error-view';
import { useUserDirectory } from '../filter-builder/user-directory';
import { CellValue, type CellEnv } from '../list/cells';
import { useLookupNames } from '../list/use-lookup-names';
import { cardFields as pickCardFields, groupField, NO_VALUE, picklistFields, sumField, type KanbanColumn } from './kanban-model';
import { useKanban } from './use-kanban';

interface CardProps {
  object: string;
  record: RecordData;
  fields: FieldDef[];
  env: CellEnv;
  targets: KanbanColumn[];
  columnKey: string;
  onMove(id: string, to: string): void;
  /** The user may change the grouping field (else cards stay put). */
  movable: boolean;
}

/** What a card shows: the record's name (a link) and a few fields. */
function CardContent({ object, record, fields, env }: Pick<CardProps, 'object' | 'record' | 'fields' | 'env'>) {
  const { t, label } = env.i18n;
  return (
    <>
      <Link to={`/app/o/${encodeURIComponent(object)}/${encodeURIComponent(record.id)}`} className="kb-name" onPointerDown={(e) => e.stopPropagation()}>
        {record.name == null || record.name === '' ? t('list.unnamed') : String(record.name)}
      </Link>
      {fields.map((f) =>
        record[f.name] == null || record[f.name] === '' ? null : (
          <div key={f.name} className="kb-field">
            <span className="kb-label">{label(f.label, f.name)}</span> <CellValue value={record[f.name]} field={f} env={env} />
          </div>
        ),
      )}
    </>
  );
}

/** A draggable card, with a "move to" menu for keyboards and small screens. */
function Card({ object, record, fields, env, targets, columnKey, onMove, movable }: CardProps) {
  const { t, label } = env.i18n;
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: record.id, data: { from: columnKey }, disabled: !movable });
  return (
    <article ref={setNodeRef} className={`kb-card${isDragging ? ' kb-dragging' : ''}`} data-testid="kanban-card" data-id={record.id} {...attributes} {...listeners}>
      <CardContent object={object} record={record} fields={fields} env={env} />
      {movable && (
        <select className="kb-move" aria-label={t('kanban.moveTo')} value="" onChange={(e) => e.target.value && onMove(record.id, e.target.value)} onPointerDown={(e) => e.stopPropagation()} onMouseDown={(e) => e.stopPropagation()} onTouchStart={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()} data-testid="kanban-move">
          <option value="">{t('kanban.moveTo')}…</option>
          {targets
            .filter((c) => c.droppable && c.key !== columnKey)
            .map((c) => (
              <option key={c.key} value={c.key}>
                {c.option ? label(c.option.label, c.key) : c.key}
              </option>
            ))}
        </select>
      )}
    </article>
  );
}

function Column({ column, children, onMore }: { column: KanbanColumn; children: ReactNode; onMore(): void }) {
  const { t, label, fmt } = useI18n();
  const { setNodeRef, isOver } = useDroppable({ id: column.key, disabled: !column.droppable });
  const title = column.value === null ? t('kanban.none') : column.option ? label(column.option.label, column.value) : column.value;
  return (
    <section ref={setNodeRef} className={`kb-column${isOver ? ' kb-over' : ''}${column.droppable ? '' : ' kb-closed'}`} data-testid="kanban-column" data-value={column.key === NO_VALUE ? '' : column.key} aria-label={title}>
      <header className="kb-head" style={column.option?.color ? { borderTopColor: column.option.color } : undefined}>
        <span className="kb-title">{title}</span>
        <span className="kb-count" data-testid="kanban-count">
          {column.count}
        </span>
        {column.sum !== undefined && (
          <span className="kb-sum" data-testid="kanban-sum" title={t('kanban.total')}>
            {fmt.currency(column.sum ?? 0)}
          </span>
        )}
      </header>
      <div className="kb-cards">
        {children}
        {column.cursor && (
          <button type="button" className="link" disabled={column.loading} onClick={onMore}>
            {t('kanban.more')}
          </button>
        )}
        {column.loading && !column.cards.length && <p className="lv-note">{t('common.loading')}</p>}
      </div>
    </section>
  );
}

/**
 * /app/o/:object/kanban?field=<picklist>: one column per active value, with
 * its count and the total of the object's currency field; drag a card (mouse,
 * touch or keyboard) or use its menu to change the value through the API. A
 * refused change snaps the card back and shows the server's reason.
 */
export function KanbanBoard({ describe }: { describe: Describe }) {
  const i18n = useI18n();
  const { t, label } = i18n;
  const { query, navigate, path } = useRouter();
  const object = describe.object.name;
  const field = groupField(describe, query.get('field'));
  if (!field) {
    return (
      <section className="kb">
        <h1>{label(describe.object.pluralLabel, object)}</h1>
        <p className="lv-note">{t('kanban.noPicklist')}</p>
      </section>
    );
  }
  return <Board describe={describe} field={field} i18n={i18n} onField={(name) => navigate(`${path}?field=${encodeURIComponent(name)}`, { replace: true })} />;
}

function Board({ describe, field, i18n, onField }: { describe: Describe; field: FieldDef; i18n: ReturnType<typeof useI18n>; onField(name: string): void }) {
  const { t, label } = i18n;
  const object = describe.object.name;
  const sum = sumField(describe);
  const fields = useMemo(() => pickCardFields(describe, field), [describe, field]);
  const board = useKanban(object, field, sum, fields);
  const allCards = useMemo(() => board.columns.flatMap((c) => c.cards), [board.columns]);
  const lookupName = useLookupNames(allCards, fields);
  const users = useUserDirectory();
  const env: CellEnv = useMemo(() => ({ i18n, lookupName, userName: (id) => users.find((u) => u.id === id)?.displayName }), [i18n, lookupName, users]);
  const [dragging, setDragging] = useState<string>();
  const movable = describe.access.edit && (describe.access.fields[field.name] ?? 'edit') === 'edit';
  const sensors = useSensors(useSensor(MouseSensor, { activationConstraint: { distance: 6 } }), useSensor(TouchSensor, { activationConstraint: { delay: 180, tolerance: 8 } }), useSensor(KeyboardSensor));
  const onDragStart = (e: DragStartEvent) => setDragging(String(e.active.id));
  const onDragEnd = (e: DragEndEvent) => {
    setDragging(undefined);
    if (e.over && e.over.id !== (e.active.data.current as { from?: string } | undefined)?.from) void board.move(String(e.active.id), String(e.over.id));
  };
  const draggedCard = dragging ? allCards.find((r) => r.id === dragging) : undefined;

  return (
    <section className="kb" data-testid="kanban">
      <header className="lv-header">
        <h1>{label(describe.object.pluralLabel, object)}</h1>
        <label className="lv-inline">
          {t('kanban.groupBy')}
          <select value={field.name} onChange={(e) => onField(e.target.value)} data-testid="kanban-field">
            {picklistFields(describe).map((f) => (
              <option key={f.name} value={f.name}>
                {label(f.label, f.name)}
              </option>
            ))}
          </select>
        </label>
        <span className="spacer" />
        <Link to={`/app/o/${encodeURIComponent(object)}`} className="lv-button">
          {t('kanban.list')}
        </Link>
        {describe.access.create && (
          <Link to={`/app/o/${encodeURIComponent(object)}/new`} className="lv-button lv-primary">
            {t('common.new')}
          </Link>
        )}
      </header>
      {board.error && <ApiErrorView error={board.error} retry={board.reload} />}
      {board.refused && (
        <div className="kb-refused" data-testid="kanban-refused">
          <ApiErrorView error={board.refused} />
          <button type="button" className="link" aria-label="×" onClick={board.dismiss}>
            ×
          </button>
        </div>
      )}
      <DndContext sensors={sensors} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragging(undefined)}>
        <div className="kb-columns" data-testid="kanban-columns">
          {board.columns.map((c) => (
            <Column key={c.key} column={c} onMore={() => board.loadMore(c.key)}>
              {c.cards.map((r) => (
                <Card key={r.id} object={object} record={r} fields={fields} env={env} targets={board.columns} columnKey={c.key} movable={movable} onMove={(id, to) => void board.move(id, to)} />
              ))}
            </Column>
          ))}
        </div>
        {/* No drop animation: the card has already moved (or snapped back) when the finger or mouse lets go. */}
        <DragOverlay dropAnimation={null}>
          {draggedCard ? (
            <article className="kb-card kb-overlay">
              <CardContent object={object} record={draggedCard} fields={fields} env={env} />
            </article>
          ) : null}
        </DragOverlay>
      </DndContext>
    </section>
  );
}
