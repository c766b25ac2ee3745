import { serialize } from '../../core/config/codec';
import type { Config } from '../../core/config/schema';
import { CHART_KEYS, HIDEABLE } from '../../core/config/schema';

/** What a lecturer chooses in "Build an embed link"; the rest of the run is the current one. */
export type EmbedChoice = Pick<Config, 'embed' | 'charts' | 'hide' | 'lecture' | 'autoplay'>;

/** The query string of the current run with the view chosen, in canonical field order. */
export function embedQuery(config: Config, choice: EmbedChoice): string {
  const order = <T extends string>(all: readonly T[], picked: readonly T[]) =>
    all.filter((k) => picked.includes(k));
  return serialize({
    ...config,
    ...choice,
    charts: order(CHART_KEYS, choice.charts),
    hide: order(HIDEABLE, choice.hide),
  });
}

/** An <iframe> for slides; the height fits the charts chosen (two per row). */
export function iframeSnippet(url: string, charts: number): string {
  const height = 140 + Math.ceil(Math.max(charts, 1) / 2) * 320;
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<iframe src="${attr(url)}" width="1100" height="${height}" style="border:0" title="Gradient Variance Playground" loading="lazy"></iframe>`;
}
