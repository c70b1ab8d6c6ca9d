import { useEffect, type RefObject } from 'react';
import { useRouter } from '../router/router';

/**
 * Asks before leaving a form with unsaved changes: in-app navigation through
 * the router's blocker (a confirm), and closing or reloading the tab through
 * beforeunload. Reads a ref so a save can lift the guard before navigating.
 */
export function useLeaveGuard(dirty: RefObject<boolean>, question: string): void {
  const { block } = useRouter();
  useEffect(() => {
    const unblock = block(() => !dirty.current || window.confirm(question));
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!dirty.current) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      unblock();
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [block, dirty, question]);
}
