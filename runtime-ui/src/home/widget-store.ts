import { api, get } from '../api/client';
import type { HomeWidget } from './widget-types';

/** The preference that holds the home page (PUT /me/prefs/home.widgets). */
export const HOME_PREF = 'home.widgets';
/** The most widgets one home page keeps (the preference holds at most 64 kB). */
export const MAX_WIDGETS = 30;

/** The stored shape, versioned so the layout can change later. */
export interface StoredHome {
  version: 1;
  widgets: HomeWidget[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The widgets in a stored preference: tolerant of anything (never set, an
 * older or damaged value) — entries that are not widgets are dropped, ids
 * kept unique. Unknown kinds are kept so they survive a missing plugin.
 */
export function parseStoredHome(value: unknown): HomeWidget[] {
  if (!isRecord(value) || !Array.isArray(value.widgets)) return [];
  const seen = new Set<string>();
  const out: HomeWidget[] = [];
  for (const w of value.widgets) {
    if (!isRecord(w) || typeof w.id !== 'string' || typeof w.kind !== 'string' || seen.has(w.id)) continue;
    seen.add(w.id);
    out.push({ id: w.id, kind: w.kind, config: isRecord(w.config) ? w.config : {} });
  }
  return out.slice(0, MAX_WIDGETS);
}

export async function loadHome(): Promise<HomeWidget[]> {
  const r = await get<{ value: unknown }>(`/me/prefs/${HOME_PREF}`);
  return parseStoredHome(r.value);
}

export async function saveHome(widgets: HomeWidget[]): Promise<void> {
  const value: StoredHome = { version: 1, widgets };
  await api<void>('PUT', `/me/prefs/${HOME_PREF}`, { value });
}

/** A new widget id, unique enough within one user's layout (randomUUID needs a secure context). */
export function newWidgetId(): string {
  return `w${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

export function addWidget(list: HomeWidget[], widget: HomeWidget): HomeWidget[] {
  return list.length >= MAX_WIDGETS ? list : [...list, widget];
}

export function removeWidget(list: HomeWidget[], id: string): HomeWidget[] {
  return list.filter((w) => w.id !== id);
}

/** Moves a widget by `delta` places (−1 up, +1 down), staying within the list. */
export function moveWidget(list: HomeWidget[], id: string, delta: number): HomeWidget[] {
  const from = list.findIndex((w) => w.id === id);
  const to = Math.max(0, Math.min(list.length - 1, from + delta));
  if (from < 0 || from === to) return list;
  const next = [...list];
  const [w] = next.splice(from, 1);
  next.splice(to, 0, w!);
  return next;
}

export function configureWidget(list: HomeWidget[], id: string, config: Record<string, unknown>): HomeWidget[] {
  return list.map((w) => (w.id === id ? { ...w, config } : w));
}
