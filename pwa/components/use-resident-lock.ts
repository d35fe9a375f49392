import { useEffect } from 'preact/hooks';

/**
 * While resident mode is active the browser's back/forward and reload cannot take the resident
 * elsewhere: history entries are pinned, and a reload lands on the staff-unlock screen
 * (StaffLock is persisted before resident mode starts).
 */
export function useResidentLock(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    history.pushState({ kakanaiResident: true }, '');
    const pin = () => history.pushState({ kakanaiResident: true }, '');
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    addEventListener('popstate', pin);
    addEventListener('beforeunload', warn);
    return () => {
      removeEventListener('popstate', pin);
      removeEventListener('beforeunload', warn);
    };
  }, [active]);
}
