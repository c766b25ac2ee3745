import type { ScaleKind } from './scales';

/** One curve. x is ascending (training steps); x and y have the same length. */
export interface Series {
  id: string;
  label: string;
  /** Defaults to the palette colour of the id (see seriesColor). */
  color?: string;
  /** SVG dash pattern, e.g. '4 2' (to tell loss from accuracy in one chart). */
  dash?: string;
  /** Cannot be formed in this run (its label says why): listed as such in the summary. */
  unavailable?: boolean;
  x: Float64Array | Float32Array | number[];
  y: Float64Array | Float32Array | number[];
}

/** An event mark: a config change (a labelled line), a GC re-clustering or SVRG snapshot (a tick). */
export interface Marker {
  x: number;
  label: string;
  kind: 'change' | 'gc' | 'svrg';
}

/** A horizontal reference line, e.g. NV = 0.5 ("noise power = signal power"). */
export interface RefLine {
  y: number;
  label: string;
}

/** A pinned run's curves, drawn faded with one dash pattern and labelled in the legend. */
export interface GhostRun {
  /** What differs from the live run, e.g. 'bs 32 → 128'. */
  label: string;
  dash: string;
  series: readonly Series[];
}

export interface LineData {
  series: readonly Series[];
  markers?: readonly Marker[];
  refLines?: readonly RefLine[];
}

export interface LineOptions {
  width: number;
  height: number;
  yScale: ScaleKind;
  xLabel: string;
  yLabel: string;
  /** Name used in the accessible summary, e.g. 'Variance'. */
  title: string;
  /** 0: raw curves; w > 1: centred rolling mean over w points with a ±1 std band. */
  smoothing: number;
  /** At most this many points per curve are drawn (min/max buckets); data is untouched. */
  maxPoints: number;
  /** Pinned runs, drawn faded and thin behind the live series (not in the hover read-out). */
  ghost?: readonly GhostRun[];
  /** The x domain spans at least this much from its start (iterations: no '−0.1' at step 0). */
  xMinSpan?: number;
  /** Fixed y domain (e.g. [0, 1] for accuracy); otherwise fitted to the data. */
  yDomain?: [number, number];
  /** d3-format specifier of the read-out values. */
  valueFormat: string;
  /** Text size in px; margins and legend grow with it (default CHART_FONT, 11). */
  fontSize?: number;
}
