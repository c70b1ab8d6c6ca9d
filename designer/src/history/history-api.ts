import type { RawSnapshot } from '../../../engine/shared/metadata-types';
import { ApiError } from '../../../runtime-ui/src/api/api-error';
import { get } from '../../../runtime-ui/src/api/client';
import type { PlanStep } from '../draft/draft-types';

/** A published metadata version as GET /admin/audit/publishes answers it: who, when, why, and the plan it applied. */
export interface PublishEntry {
  version: number;
  at: string;
  /** null when no author is known; displayName absent when the user no longer exists. */
  author: { id: string; displayName?: string } | null;
  summary: string;
  plan: PlanStep[];
}

/** One page of the publishes, newest first; `nextBefore` opens the next (older) page. */
export interface PublishPage {
  publishes: PublishEntry[];
  nextBefore: number | null;
}

const EMPTY: RawSnapshot = { objects: {}, valueSets: {} };

/** The publishes below `before` (newest first). */
export const loadPublishes = (before?: number, limit = 50): Promise<PublishPage> =>
  get<PublishPage>(`/admin/audit/publishes?limit=${limit}${before !== undefined ? `&before=${before}` : ''}`);

/** One version's publish entry (author, time, summary, plan), or undefined (version 0, the empty start, is not a publish). */
export async function loadPublishEntry(version: number): Promise<PublishEntry | undefined> {
  if (version < 1) return undefined;
  const page = await loadPublishes(version + 1, 1);
  return page.publishes.find((p) => p.version === version);
}

/** The definitions at a version; version 0 (before anything was published) is empty even where the server keeps no row for it. */
export async function loadSnapshot(version: number): Promise<RawSnapshot> {
  try {
    return (await get<{ version: number; snapshot: RawSnapshot }>(`/metadata/versions/${version}`)).snapshot;
  } catch (e) {
    if (version === 0 && e instanceof ApiError && e.code === 'METADATA_VERSION_NOT_FOUND') return EMPTY;
    throw e;
  }
}

/** The author as people read it: the name, else the id, else "unknown" (`unknown` given by the caller in its locale). */
export const authorName = (e: PublishEntry | undefined, unknown: string): string => e?.author?.displayName ?? e?.author?.id ?? unknown;
