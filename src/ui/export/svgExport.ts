/**
 * A chart as a standalone SVG file: the on-screen <svg> cloned with the styles that matter
 * inlined (the page's CSS does not travel with the file), xmlns, explicit width and height, a
 * white background, its accessible <title>, and any canvas drawn under it (the 2-D plane's
 * heat map) embedded as a PNG <image>. Hover layers (focus line, pointer overlay) are dropped.
 * With a `heading`, a visible title line (e.g. "Variance — fig6-labelnoise — step 1200") sits
 * in a band HEADING_HEIGHT units tall above the chart, which moves down by as much.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Presentation properties copied from the computed style of every element. */
export const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'visibility',
  'display',
] as const;

/** A raster drawn under the chart, in the chart's user units (px of its width/height). */
export interface Underlay {
  href: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Height of the heading band, in the chart's user units. */
export const HEADING_HEIGHT = 24;

export interface StandaloneSvg {
  text: string;
  width: number;
  height: number;
}

/** The chart's size in user units: its width/height attributes, else its viewBox. */
function sizeOf(svg: SVGSVGElement): { width: number; height: number } {
  const box = (svg.getAttribute('viewBox') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  const width = Number(svg.getAttribute('width')) || box[2] || 0;
  const height = Number(svg.getAttribute('height')) || box[3] || 0;
  return { width, height };
}

/** `computed` maps an element to its computed style (getComputedStyle; a parameter for tests). */
export function standaloneSvg(
  svg: SVGSVGElement,
  o: { title?: string; heading?: string; underlays?: readonly Underlay[] } = {},
  computed: (el: Element) => CSSStyleDeclaration = (el) => getComputedStyle(el),
): StandaloneSvg {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  from.forEach((el, i) => {
    const cs = computed(el);
    const style = STYLE_PROPS.map((p) => [p, cs.getPropertyValue(p)] as const)
      .filter(([, v]) => v !== '')
      .map(([p, v]) => `${p}:${v}`)
      .join(';');
    if (style) to[i].setAttribute('style', style);
  });
  clone.querySelectorAll('.overlay, .focus').forEach((e) => e.remove());
  const chartSize = sizeOf(svg);
  const band = o.heading ? HEADING_HEIGHT : 0;
  const { width } = chartSize;
  const height = chartSize.height + band;
  clone.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns', SVG_NS); // once, as a namespace
  if (band > 0) {
    // The chart's own coordinates (viewBox origin included) shift down under the band.
    const [vx, vy] = (clone.getAttribute('viewBox') ?? '0 0')
      .trim()
      .split(/[\s,]+/)
      .map(Number);
    const chart = document.createElementNS(SVG_NS, 'g');
    chart.setAttribute('transform', `translate(${-(vx || 0)},${band - (vy || 0)})`);
    chart.append(
      ...[...clone.childNodes].filter((n) => !(n instanceof Element && n.tagName === 'title')),
    );
    clone.append(chart);
    clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  } else if (!clone.getAttribute('viewBox'))
    clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));

  const title = clone.querySelector(':scope > title') ?? document.createElementNS(SVG_NS, 'title');
  if (!title.textContent) title.textContent = o.title ?? svg.getAttribute('aria-label') ?? 'Chart';
  clone.prepend(title);
  // Painted in document order: background, then the underlays, then the chart itself.
  const layers: Element[] = [];
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#ffffff');
  layers.push(bg);
  if (o.heading) layers.push(headingText(o.heading));
  for (const u of o.underlays ?? []) {
    const img = document.createElementNS(SVG_NS, 'image');
    img.setAttribute('href', u.href);
    const at = { ...u, y: u.y + band };
    for (const k of ['x', 'y', 'width', 'height'] as const) img.setAttribute(k, String(at[k]));
    img.setAttribute('preserveAspectRatio', 'none');
    layers.push(img);
  }
  title.after(...layers);
  return { text: new XMLSerializer().serializeToString(clone), width, height };
}

/** The heading line, in bold dark ink, baseline 17 units down the band. */
function headingText(text: string): SVGTextElement {
  const t = document.createElementNS(SVG_NS, 'text');
  t.setAttribute('class', 'export-heading');
  t.setAttribute('x', '8');
  t.setAttribute('y', '17');
  t.setAttribute(
    'style',
    'fill:#222222;font-family:system-ui,sans-serif;font-size:14px;font-weight:600',
  );
  t.textContent = text;
  return t;
}

/** "Variance — fig6-labelnoise — step 1200": what the chart is, of which run, and when. */
export function exportHeading(chart: string, preset: string | null, step: number): string {
  return `${chart} — ${preset ?? 'custom'} — step ${step}`;
}

/**
 * Canvases that sit under the chart in the same container (positioned behind it), with their
 * offsets converted from screen px to the chart's user units.
 */
export function canvasUnderlays(svg: SVGSVGElement): Underlay[] {
  const parent = svg.parentElement;
  if (!parent) return [];
  const s = svg.getBoundingClientRect();
  const { width } = sizeOf(svg);
  const k = s.width > 0 && width > 0 ? width / s.width : 1;
  return [...parent.querySelectorAll<HTMLCanvasElement>(':scope > canvas')]
    .filter((c) => c.width > 0 && c.height > 0)
    .map((c) => {
      const r = c.getBoundingClientRect();
      return {
        href: c.toDataURL('image/png'),
        x: (r.left - s.left) * k,
        y: (r.top - s.top) * k,
        width: r.width * k,
        height: r.height * k,
      };
    });
}
