import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-error';
import { loadHome, saveHome } from './widget-store';
import type { HomeWidget } from './widget-types';

const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError(0, 'CLIENT_ERROR', String(e)));

/**
 * The user's widgets: loaded from their preferences, changed locally at once
 * and saved after each change (the latest layout wins; a failed save keeps
 * the layout on screen and offers to save again).
 */
export function useHomeWidgets() {
  const [widgets, setWidgets] = useState<HomeWidget[]>();
  const [loadError, setLoadError] = useState<ApiError>();
  const [saveError, setSaveError] = useState<ApiError>();
  const [tick, setTick] = useState(0);
  const latest = useRef<HomeWidget[]>([]);
  const saving = useRef<Promise<void>>(Promise.resolve());
  useEffect(() => {
    let live = true;
    setLoadError(undefined);
    loadHome().then(
      (w) => {
        if (!live) return;
        latest.current = w;
        setWidgets(w);
      },
      (e: unknown) => live && setLoadError(asApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [tick]);
  const save = useCallback(() => {
    // Saves run one after another so an older layout never lands after a newer one.
    saving.current = saving.current.then(async () => {
      const snapshot = latest.current;
      try {
        await saveHome(snapshot);
        if (snapshot === latest.current) setSaveError(undefined);
      } catch (e) {
        setSaveError(asApiError(e));
      }
    });
    return saving.current;
  }, []);
  const change = useCallback(
    (fn: (list: HomeWidget[]) => HomeWidget[]) => {
      const next = fn(latest.current);
      if (next === latest.current) return Promise.resolve();
      latest.current = next;
      setWidgets(next);
      return save();
    },
    [save],
  );
  return { widgets, loadError, saveError, change, retrySave: save, reload: () => setTick((n) => n + 1) };
}
