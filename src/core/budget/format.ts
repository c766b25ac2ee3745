/** Figures for budget messages: bytes in MB/GB (10^6, 10^9), durations in s, min or h. */
export function bytes(b: number): string {
  if (b >= 1e9) return `${(b / 1e9).toFixed(1)} GB`;
  if (b >= 1e6) return `${(b / 1e6).toFixed(b >= 1e8 ? 0 : 1)} MB`;
  return `${Math.max(1, Math.round(b / 1e3))} kB`;
}

export function seconds(s: number): string {
  if (s >= 3600) return `${(s / 3600).toFixed(1)} h`;
  if (s >= 90) return `${Math.round(s / 60)} min`;
  if (s >= 10) return `${Math.round(s)} s`;
  return `${s.toFixed(1)} s`;
}

/** 84,000,000 → "84 million" (also billion, trillion); smaller ones with thousands separators. */
export function count(n: number): string {
  if (n >= 1e12) return `${(n / 1e12).toFixed(1)} trillion`;
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} billion`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(n >= 1e7 ? 0 : 1)} million`;
  return Math.round(n).toLocaleString('en');
}
