import { serialize } from '../../core/config/codec';
import { presetQuery } from '../../core/config/presetChanges';
import type { Config } from '../../core/config/schema';
import { CHART_KEYS, HIDEABLE } from '../../core/config/schema';

/** What a lecturer chooses in "Build an embed link"; the rest of the run is the current one. */
export type EmbedChoice = Pick<Config, 'embed' | 'charts' | 'hide' | 'lecture' | 'autoplay'> & {
  /** Pause after this many steps (0: run until paused). */
  steps?: number;
};

/** Steps an embedded run takes before it pauses, unless the run already stops earlier. */
export const DEFAULT_EMBED_STEPS = 2000;

/**
 * The query string of the current run with the view chosen, in canonical field order; with
 * `preset`, written as `preset=NAME` plus what differs (the embed keeps the preset's caption).
 */
export function embedQuery(
  config: Config,
  choice: EmbedChoice,
  preset: string | null = null,
): string {
  const order = <T extends string>(all: readonly T[], picked: readonly T[]) =>
    all.filter((k) => picked.includes(k));
  const { steps, ...view } = choice;
  const whole: Config = {
    ...config,
    ...view,
    ...(steps === undefined ? {} : { steps }),
    charts: order(CHART_KEYS, choice.charts),
    hide: order(HIDEABLE, choice.hide),
  };
  return preset ? presetQuery(preset, whole) : serialize(whole);
}

/** Frame sizes offered, all 16:9 (a slide's shape); the first is the default. */
export const FRAME_SIZES = [
  { width: 960, height: 540 },
  { width: 1280, height: 720 },
  { width: 640, height: 360 },
] as const;

export interface FrameChoice {
  width: number;
  height: number;
  /** A line under the frame (a <figure> with a <figcaption>), or none. */
  caption?: string;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An <iframe> for slides, width × height, with an optional caption under it. */
export function iframeSnippet(url: string, frame: FrameChoice = FRAME_SIZES[0]): string {
  const iframe = `<iframe src="${escapeHtml(url)}" width="${frame.width}" height="${frame.height}" style="border:0" title="Gradient Variance Playground" loading="lazy"></iframe>`;
  if (!frame.caption) return iframe;
  return `<figure style="margin:0">${iframe}<figcaption>${escapeHtml(frame.caption)}</figcaption></figure>`;
}
