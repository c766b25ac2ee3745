/**
 * A chart as a standalone SVG file: the on-screen <svg> cloned with the styles that matter
 * inlined (the page's CSS does not travel with the file), xmlns, explicit width and height, a
 * white background, its accessible <title>, and any canvas drawn under it (the 2-D plane's
 * heat map) embedded as a PNG <image>. Hover layers (focus line, pointer overlay) are dropped.
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
  o: { title?: string; underlays?: readonly Underlay[] } = {},
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
  const { width, height } = sizeOf(svg);
  clone.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns', SVG_NS); // once, as a namespace
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);

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
  for (const u of o.underlays ?? []) {
    const img = document.createElementNS(SVG_NS, 'image');
    img.setAttribute('href', u.href);
    for (const k of ['x', 'y', 'width', 'height'] as const) img.setAttribute(k, String(u[k]));
    img.setAttribute('preserveAspectRatio', 'none');
    layers.push(img);
  }
  title.after(...layers);
  return { text: new XMLSerializer().serializeToString(clone), width, height };
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
