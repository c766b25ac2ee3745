/** An error as one plain sentence for the UI. */
export function plainError(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  if (/memory access out of bounds|out of memory|allocation failed/i.test(message)) {
    return `the run ran out of memory (${message}); choose a smaller model, pool or data set, then Reset`;
  }
  return `training stopped: ${message}`;
}
