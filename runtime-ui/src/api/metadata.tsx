import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { get } from './client';
import type { Describe } from './describe';
import { useApi, type ApiState } from './use-api';

const Ctx = createContext<Map<string, Promise<unknown>> | null>(null);

/**
 * One page's metadata answers (describes, object definitions): asked once
 * per page however many parts of it read them — the record page, each
 * related list and the timeline read the same child describes, home widgets
 * their objects'. The app opens a new scope for every page, so a page never
 * shows metadata older than its own opening.
 */
export function MetadataScope({ children }: { children: ReactNode }) {
  const [cache] = useState(() => new Map<string, Promise<unknown>>());
  return <Ctx.Provider value={cache}>{children}</Ctx.Provider>;
}

/** Loads a metadata path through the page's scope (outside one, a request each time). A failed answer is forgotten, so a retry asks again. */
export function useMetadataLoader(): <T>(path: string) => Promise<T> {
  const cache = useContext(Ctx);
  return useCallback(
    <T,>(path: string): Promise<T> => {
      if (!cache) return get<T>(path);
      let answer = cache.get(path) as Promise<T> | undefined;
      if (!answer) {
        const asked = get<T>(path);
        cache.set(path, asked);
        asked.catch(() => cache.get(path) === asked && cache.delete(path));
        answer = asked;
      }
      return answer;
    },
    [cache],
  );
}

/** A metadata GET the page shows (see MetadataScope). */
export function useMetadata<T>(path: string | null): ApiState<T> {
  return useApi<T>(path, useMetadataLoader());
}

export const describePath = (object: string) => `/metadata/objects/${encodeURIComponent(object)}/describe`;

/** GET /metadata/objects/:object/describe, once per page; null asks nothing. */
export const useDescribe = (object: string | null): ApiState<Describe> => useMetadata<Describe>(object === null ? null : describePath(object));
