import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { ApiError } from '../api/api-error';
import { get, onSignedOut, post } from '../api/client';

/** The signed-in user, as GET /auth/me answers. */
export interface Me {
  id: string;
  email: string;
  displayName: string;
  isAdmin: boolean;
  locale: 'en' | 'zh-CN';
  tenant: string;
}

interface SessionState {
  me: Me | null | undefined;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const Ctx = createContext<SessionState | null>(null);

/** Who is signed in: undefined while asking, null when nobody. A 401 anywhere signs the app out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const load = useCallback(async () => {
    try {
      setMe(await get<Me>('/auth/me'));
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setMe(null);
      else throw e;
    }
  }, []);
  useEffect(() => {
    void load().catch(() => setMe(null));
    return onSignedOut(() => setMe(null));
  }, [load]);
  const signIn = useCallback(
    async (email: string, password: string) => {
      await post('/auth/login', { email, password });
      await load();
    },
    [load],
  );
  const signOut = useCallback(async () => {
    await post('/auth/logout').catch(() => undefined);
    setMe(null);
  }, []);
  return <Ctx.Provider value={{ me, signIn, signOut }}>{children}</Ctx.Provider>;
}

export function useSession(): SessionState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}
