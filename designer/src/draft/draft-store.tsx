import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { RawObjectDef, RawSnapshot, RawValueSet } from '../../../engine/shared/metadata-types';
import { checkOfError, loadPublished, sendChanges } from './draft-api';
import { draftSnapshot, emptyDraft, isEmptyDraft, type Draft, type DraftCheck, type PublishAnswer, type Published } from './draft-types';

const IDLE: DraftCheck = { status: 'idle', issues: [], plan: [], preview: {} };
/** How long after the last edit the draft is checked by a dry run. */
export const CHECK_DELAY_MS = 400;

export interface DraftStore {
  /** The published metadata (undefined while loading). */
  published?: Published;
  loadError?: string;
  draft: Draft;
  /** Published definitions with the draft laid over: what every editor shows. */
  snapshot: RawSnapshot;
  check: DraftCheck;
  /** Whether the draft holds edits. */
  dirty: boolean;
  /** Writes an object into the draft (create or change). */
  putObject(def: RawObjectDef): void;
  /** Marks an object deleted in the draft (a draft-only object is simply dropped). */
  deleteObject(name: string): void;
  putValueSet(vs: RawValueSet): void;
  /** Drops the draft's edits of one object or value set, or all of them. */
  discard(what?: { object?: string; valueSet?: string }): void;
  /** Publishes the draft as one version; `confirm` allows destructive steps. Clears the draft on success. */
  publish(opts: { confirm: boolean; summary?: string }): Promise<PublishAnswer>;
  /** After a conflict: keeps the draft's documents but bases them on the newest version (the admin has seen the diff). */
  rebase(): Promise<void>;
  /** Reads the published metadata again (after a restore, or another tab's publish). */
  reload(): Promise<void>;
}

const Ctx = createContext<DraftStore | null>(null);

function readSaved(key: string): Draft | undefined {
  try {
    const raw = localStorage.getItem(key);
    const d = raw ? (JSON.parse(raw) as Draft) : undefined;
    return d && typeof d.baseVersion === 'number' && d.objects && d.valueSets ? d : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The designer's one source of metadata: the published snapshot, the admin's
 * draft over it (kept in localStorage under `storageKey`), and the server's
 * verdict on the draft — a dry run of POST /metadata/changes after each edit.
 */
export function DraftProvider({ storageKey, children }: { storageKey: string; children: ReactNode }) {
  const [published, setPublished] = useState<Published>();
  const [loadError, setLoadError] = useState<string>();
  const [draft, setDraft] = useState<Draft>(() => readSaved(storageKey) ?? emptyDraft(0));
  const [check, setCheck] = useState<DraftCheck>(IDLE);
  const seq = useRef(0);

  const reload = useCallback(async () => {
    try {
      const p = await loadPublished();
      setPublished(p);
      setLoadError(undefined);
      setDraft((d) => (isEmptyDraft(d) ? emptyDraft(p.version) : d));
    } catch (e) {
      setLoadError(e instanceof Error ? e.message : String(e));
    }
  }, []);
  useEffect(() => void reload(), [reload]);

  useEffect(() => {
    if (isEmptyDraft(draft)) localStorage.removeItem(storageKey);
    else localStorage.setItem(storageKey, JSON.stringify(draft));
  }, [draft, storageKey]);

  // The server's verdict on the draft: a dry run a moment after the last edit; an older answer never replaces a newer one.
  useEffect(() => {
    if (isEmptyDraft(draft) || !published) {
      setCheck(IDLE);
      return;
    }
    const mine = ++seq.current;
    setCheck((c) => ({ ...c, status: 'checking' }));
    const timer = setTimeout(() => {
      sendChanges(draft, { dryRun: true }).then(
        (a) => mine === seq.current && setCheck({ status: 'valid', issues: [], plan: a.plan, preview: a.preview ?? {} }),
        (e: unknown) => mine === seq.current && setCheck(checkOfError(e)),
      );
    }, CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, published]);

  const snapshot = useMemo(() => draftSnapshot(published?.snapshot ?? { objects: {}, valueSets: {} }, draft), [published, draft]);

  const putObject = useCallback((def: RawObjectDef) => setDraft((d) => ({ ...d, objects: { ...d.objects, [def.name]: def } })), []);
  const putValueSet = useCallback((vs: RawValueSet) => setDraft((d) => ({ ...d, valueSets: { ...d.valueSets, [vs.name]: vs } })), []);
  const deleteObject = useCallback(
    (name: string) =>
      setDraft((d) => {
        const objects = { ...d.objects };
        if (published?.snapshot.objects[name]) objects[name] = null;
        else delete objects[name];
        return { ...d, objects };
      }),
    [published],
  );
  const discard = useCallback(
    (what?: { object?: string; valueSet?: string }) =>
      setDraft((d) => {
        if (!what) return emptyDraft(published?.version ?? d.baseVersion);
        const objects = { ...d.objects };
        const valueSets = { ...d.valueSets };
        if (what.object) delete objects[what.object];
        if (what.valueSet) delete valueSets[what.valueSet];
        return { ...d, objects, valueSets };
      }),
    [published],
  );

  const publish = useCallback(
    async (opts: { confirm: boolean; summary?: string }) => {
      try {
        const answer = await sendChanges(draft, { dryRun: false, ...opts });
        setDraft(emptyDraft(answer.version));
        await reload();
        return answer;
      } catch (e) {
        setCheck(checkOfError(e));
        throw e;
      }
    },
    [draft, reload],
  );

  const rebase = useCallback(async () => {
    const p = await loadPublished();
    setPublished(p);
    setDraft((d) => ({ ...d, baseVersion: p.version }));
  }, []);

  const value: DraftStore = { published, loadError, draft, snapshot, check, dirty: !isEmptyDraft(draft), putObject, deleteObject, putValueSet, discard, publish, rebase, reload };
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useDraft(): DraftStore {
  const v = useContext(Ctx);
  if (!v) throw new Error('useDraft outside DraftProvider');
  return v;
}
