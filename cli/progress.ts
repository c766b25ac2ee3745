/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal:
 *   [##########....................] 12/36 runs, ETA 1m 05s
 * The ETA extrapolates the mean time per item so far. Returns the update function.
 */
export function progressBar(total: number, unit: string, now: () => number = Date.now) {
  const start = now();
  return (done: number): void => {
    if (!process.stderr.isTTY || total <= 0) return;
    const width = 30;
    const filled = Math.round((width * done) / total);
    const left = done > 0 ? ((now() - start) / done) * (total - done) : NaN;
    const eta = done > 0 && done < total ? `, ETA ${duration(left)}` : '';
    process.stderr.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${unit}${eta}\x1b[K`,
    );
    if (done >= total) process.stderr.write('\n');
  };
}

/** Milliseconds as `1h 02m`, `3m 05s` or `42s`. */
export function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  const [h, m, sec] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const pad = (v: number) => String(v).padStart(2, '0');
  if (h > 0) return `${h}h ${pad(m)}m`;
  if (m > 0) return `${m}m ${pad(sec)}s`;
  return `${sec}s`;
}
