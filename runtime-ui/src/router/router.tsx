import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

/** Asked before leaving a page (unsaved changes); false keeps the user where they are. */
export type Blocker = () => boolean;

interface RouterState {
  path: string;
  query: URLSearchParams;
  navigate(to: string, opts?: { replace?: boolean }): void;
  /** Registers a blocker while a form has unsaved changes; returns the unregister function. */
  block(blocker: Blocker): () => void;
}

const Ctx = createContext<RouterState | null>(null);

/** A tiny history-API router: the app has a handful of URL shapes, see routes.ts. */
export function RouterProvider({ children }: { children: ReactNode }) {
  const [loc, setLoc] = useState(() => ({ path: window.location.pathname, search: window.location.search }));
  const blockers = useRef(new Set<Blocker>());
  const allowed = () => [...blockers.current].every((b) => b());
  const current = useRef(loc);
  current.current = loc;
  useEffect(() => {
    const onPop = () => {
      // Back/forward has already moved the URL: put it back when a form has unsaved changes the user keeps.
      if (!allowed()) {
        window.history.pushState(null, '', current.current.path + current.current.search);
        return;
      }
      setLoc({ path: window.location.pathname, search: window.location.search });
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((to: string, opts: { replace?: boolean } = {}) => {
    if (!allowed()) return;
    const url = new URL(to, window.location.origin);
    window.history[opts.replace ? 'replaceState' : 'pushState'](null, '', url.pathname + url.search);
    setLoc({ path: url.pathname, search: url.search });
    window.scrollTo(0, 0);
  }, []);
  const block = useCallback((b: Blocker) => {
    blockers.current.add(b);
    return () => void blockers.current.delete(b);
  }, []);
  const value = useMemo(() => ({ path: loc.path, query: new URLSearchParams(loc.search), navigate, block }), [loc, navigate, block]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useRouter(): RouterState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useRouter outside RouterProvider');
  return v;
}

/** Matches "/app/o/:object/:id" against a path: the parameters, or undefined. */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const p = pattern.split('/').filter(Boolean);
  const s = path.replace(/\/+$/, '').split('/').filter(Boolean);
  if (p.length !== s.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i]!.startsWith(':')) params[p[i]!.slice(1)] = decodeURIComponent(s[i]!);
    else if (p[i] !== s[i]) return undefined;
  }
  return params;
}

/** An in-app link: a real <a href> (open in new tab works), navigated without a reload. */
export function Link({ to, children, ...rest }: { to: string; children: ReactNode } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const { navigate } = useRouter();
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
