/** Helpers for the charts' SVG snapshot tests (jsdom). */

/** A fresh <svg> attached to the document body. */
export function makeSvg(): SVGSVGElement {
  document.body.innerHTML = '';
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  document.body.appendChild(svg);
  return svg;
}

/**
 * Serialized SVG made stable: numbers in attributes (not aria-label, not text) rounded to 2
 * decimals (trailing zeros dropped),
 * generated ids (and their url(#...) / href references) renumbered in order of appearance,
 * one element per line so that diffs are readable.
 */
export function normalizeSvg(svg: Element): string {
  let s = svg.outerHTML.replace(/(\s[\w:-]+)="([^"]*)"/g, (all, name: string, value: string) =>
    name.trim() === 'aria-label' ? all : `${name}="${roundNumbers(value)}"`,
  );
  const ids = new Map<string, string>();
  for (const [, id] of s.matchAll(/\sid="([^"]+)"/g)) ids.set(id, `id${ids.size}`);
  for (const [id, to] of ids) s = s.split(`"${id}"`).join(`"${to}"`).split(`#${id}`).join(`#${to}`);
  return s.replace(/></g, '>\n<') + '\n';
}

function roundNumbers(value: string): string {
  return value.replace(/-?\d+\.\d+(e-?\d+)?/g, (m) => {
    const v = Number(Number(m).toFixed(2));
    return String(Object.is(v, -0) ? 0 : v);
  });
}
