/**
 * The page's address. The app shell is the only part of the UI that reads or writes
 * `location` and `history` (house rule 9; the lint enforces it): everything else asks here.
 */

/** The query string the page was opened with (with its leading `?`, or ''). */
export function initialQuery(): string {
  return location.search;
}

/** Shows `query` in the address bar without a history entry (no entry per slider move). */
export function showQuery(query: string): void {
  history.replaceState(null, '', pagePath(query));
}

/** The page's path with `query` (relative to the origin). */
export function pagePath(query: string): string {
  return `${location.pathname}${query ? `?${query}` : ''}`;
}

/** The page's absolute address without its query (the base of shared and embed links). */
export function pageBase(): string {
  return `${location.origin}${location.pathname}`;
}

/** The page's absolute address as it is now (what Copy link copies). */
export function pageUrl(): string {
  return location.href;
}

/** An absolute URL for a path relative to the page (e.g. a data file for the worker). */
export function absoluteUrl(path: string): string {
  return new URL(path, location.href).href;
}

export function reloadPage(): void {
  location.reload();
}

/** Opens the app at `query` (a sweep's run in the playground, or the other view). */
export function openQuery(query: string): void {
  location.assign(pagePath(query));
}
