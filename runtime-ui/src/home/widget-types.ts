import type { ComponentType } from 'react';
import type { MessageKey } from '../i18n/messages';

/** One widget on a user's home page, as stored in their preferences. */
export interface HomeWidget {
  /** Stable within the user's layout (keys, moves, removal). */
  id: string;
  /** Which kind of widget: a key of the widget registry. */
  kind: string;
  /** The kind's own settings (object, list view, filter values …), JSON only. */
  config: Record<string, unknown>;
}

/** A widget's settings and how to change them. */
export interface WidgetSettingsProps {
  config: Record<string, unknown>;
  onChange(config: Record<string, unknown>): void;
}

/**
 * A kind of home widget. Dashboard charts and other kinds are added by
 * registering one more of these; the home page knows nothing about any kind.
 */
export interface WidgetKind {
  kind: string;
  /** The kind's name in the "add a widget" menu and as the default title. */
  title: MessageKey;
  /** The settings a new widget of this kind starts with. */
  defaultConfig(): Record<string, unknown>;
  /** Whether a widget still needs settings before it can show anything (opens its settings when added). */
  needsSettings?(config: Record<string, unknown>): boolean;
  View: ComponentType<{ config: Record<string, unknown> }>;
  Settings?: ComponentType<WidgetSettingsProps>;
}
