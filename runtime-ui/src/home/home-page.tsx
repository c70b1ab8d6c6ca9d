import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { ApiErrorView } from '../shell/api-error-view';
import { homeWidgets } from './builtin-widgets';
import { useHomeWidgets } from './use-home-widgets';
import { WidgetFrame } from './widget-frame';
import type { WidgetRegistry } from './widget-registry';
import { addWidget, configureWidget, MAX_WIDGETS, moveWidget, newWidgetId, removeWidget } from './widget-store';

/**
 * The personal home page ("desktop"): the widgets the user chose, in their
 * order, saved in their preferences after every change.
 */
export function HomePage({ registry = homeWidgets }: { registry?: WidgetRegistry }) {
  const { t } = useI18n();
  const { widgets, loadError, saveError, change, retrySave, reload } = useHomeWidgets();
  const kinds = [...registry.values()];
  const [kind, setKind] = useState(kinds[0]?.kind ?? '');
  const add = () => {
    const k = registry.get(kind);
    if (k) void change((list) => addWidget(list, { id: newWidgetId(), kind: k.kind, config: k.defaultConfig() }));
  };
  return (
    <section className="hp-page" data-testid="home-page">
      <h1>{t('home.title')}</h1>
      {loadError && <ApiErrorView error={loadError} retry={reload} />}
      {saveError && (
        <div role="alert" className="api-error">
          <span>{t('home.saveFailed')}</span>
          <button type="button" onClick={() => void retrySave()}>
            {t('error.retry')}
          </button>
        </div>
      )}
      {widgets && (
        <>
          <div className="hp-toolbar">
            <label htmlFor="hp-kind">{t('home.addWidget')}</label>
            <select id="hp-kind" value={kind} onChange={(e) => setKind(e.target.value)} data-testid="widget-kind">
              {kinds.map((k) => (
                <option key={k.kind} value={k.kind}>
                  {t(k.title)}
                </option>
              ))}
            </select>
            <button type="button" onClick={add} disabled={widgets.length >= MAX_WIDGETS} data-testid="widget-add">
              {t('home.add')}
            </button>
          </div>
          {widgets.length === 0 && <p className="rp-muted">{t('home.noWidgets')}</p>}
          <div className="hp-grid">
            {widgets.map((w, i) => (
              <WidgetFrame
                key={w.id}
                widget={w}
                registry={registry}
                first={i === 0}
                last={i === widgets.length - 1}
                onConfigure={(config) => void change((list) => configureWidget(list, w.id, config))}
                onMove={(delta) => void change((list) => moveWidget(list, w.id, delta))}
                onRemove={() => void change((list) => removeWidget(list, w.id))}
              />
            ))}
          </div>
        </>
      )}
      {!widgets && !loadError && <p>{t('common.loading')}</p>}
    </section>
  );
}
