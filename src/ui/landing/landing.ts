/**
 * When the first-visit landing panel shows: never when the URL carries a setup (any query at
 * all: a shared link, a lesson, a preset), never again once dismissed (kept in localStorage).
 */
export const DISMISSED_KEY = 'gvp:landing-dismissed';

/** The part of the Storage API used here (tests pass a Map-backed fake). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function shouldShowLanding(search: string, store: KeyValueStore | null): boolean {
  if (search.replace(/^\?/, '') !== '') return false;
  try {
    return store?.getItem(DISMISSED_KEY) !== '1';
  } catch {
    return true; // storage blocked: show it, dismissing then lasts for this page only
  }
}

export function dismissLanding(store: KeyValueStore | null): void {
  try {
    store?.setItem(DISMISSED_KEY, '1');
  } catch {
    // storage blocked (private mode): nothing to keep
  }
}
