import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { SectionBoundary } from '../record/section-boundary';
import type { WidgetRegistry } from './widget-registry';
import type { HomeWidget } from './widget-types';

/** One widget with its title and controls (settings, move, remove); a fault inside stays inside. */
export function WidgetFrame({ widget, registry, first, last, onConfigure, onMove, onRemove }: { widget: HomeWidget; registry: WidgetRegistry; first: boolean; last: boolean; onConfigure(config: Record<string, unknown>): void; onMove(delta: number): void; onRemove(): void }) {
  const { t } = useI18n();
  const kind = registry.get(widget.kind);
  const [settings, setSettings] = useState(() => kind?.needsSettings?.(widget.config) ?? false);
  const Settings = kind?.Settings;
  return (
    <section className="hp-widget" data-testid={`widget-${widget.kind}`} data-widget-id={widget.id}>
      <header className="hp-widget-head">
        <h2>{kind ? t(kind.title) : widget.kind}</h2>
        {Settings && (
          <button type="button" className="link" aria-pressed={settings} onClick={() => setSettings((s) => !s)} data-testid="widget-settings">
            {settings ? t('home.done') : t('home.settings')}
          </button>
        )}
        <button type="button" className="link" disabled={first} onClick={() => onMove(-1)} aria-label={t('home.moveUp')} title={t('home.moveUp')} data-testid="widget-up">
          ↑
        </button>
        <button type="button" className="link" disabled={last} onClick={() => onMove(1)} aria-label={t('home.moveDown')} title={t('home.moveDown')} data-testid="widget-down">
          ↓
        </button>
        <button type="button" className="link" onClick={onRemove} aria-label={t('home.remove')} title={t('home.remove')} data-testid="widget-remove">
          ✕
        </button>
      </header>
      <SectionBoundary resetKey={JSON.stringify(widget.config)}>
        {Settings && settings && (
          <div className="hp-settings">
            <Settings config={widget.config} onChange={onConfigure} />
          </div>
        )}
        {kind ? <kind.View config={widget.config} /> : <p className="rp-muted">{t('home.unknownWidget', { kind: widget.kind })}</p>}
      </SectionBoundary>
    </section>
  );
}
