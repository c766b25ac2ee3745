/**
 * Sweep presets: the paper's curves in miniature. Each is a sweep URL query (codec.ts) and its
 * claims as data (claims.ts), checked by test/sweep/presets.test.ts on the preset as written
 * (or on `test`, a smaller version, when named). Captions are our words; sections refer to
 * Faghri et al. 2020 (arXiv 2007.04532).
 */
import type { Claim } from './claims';

export interface SweepPreset {
  name: string;
  title: string;
  paperSection: string;
  /** What the curves show, and what this scale does not reproduce. */
  caption: string;
  /** The sweep, as a URL query (without view=sweep). */
  query: string;
  claims: Claim[];
  /** Query keys the claims test overrides to fit the CI budget (fewer steps or seeds). */
  test?: string;
}

export const SWEEP_PRESETS: readonly SweepPreset[] = [];

export function sweepPreset(name: string): SweepPreset | undefined {
  return SWEEP_PRESETS.find((p) => p.name === name);
}
