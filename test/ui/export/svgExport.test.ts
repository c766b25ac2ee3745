// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fileName } from '../../../src/ui/export/download';
import { pngSize, PROJECTOR_WIDTH } from '../../../src/ui/export/pngExport';
import {
  exportHeading,
  HEADING_HEIGHT,
  standaloneSvg,
  STYLE_PROPS,
} from '../../../src/ui/export/svgExport';

/** A chart as the D3 charts draw it: title, legend, axis label, a line, hover layers. */
function chart(): SVGSVGElement {
  const host = document.createElement('div');
  host.innerHTML = `<svg class="chart" data-testid="chart-loss" width="400" height="220"
      viewBox="0 0 400 220" aria-label="Loss at iteration 10: 0.5">
    <title>Loss at iteration 10: 0.5</title>
    <g class="legend"><text>SG-B</text></g>
    <g class="plot"><path class="line" d="M0,0L10,10"></path>
      <text class="axis-label">iteration</text>
      <g class="focus"><text>hover read-out</text></g><rect class="overlay"></rect></g>
  </svg>`;
  document.body.append(host);
  return host.querySelector('svg')!;
}

/** A computed style from a table: class name → property → value (the page's CSS, faked). */
function styles(table: Record<string, Record<string, string>>) {
  return (el: Element) =>
    ({
      getPropertyValue: (p: string) => table[el.getAttribute('class') ?? '']?.[p] ?? '',
    }) as CSSStyleDeclaration;
}

function parseSvg(text: string): Document {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  expect(doc.querySelector('parsererror')).toBeNull();
  return doc;
}

describe('standalone SVG', () => {
  it('inlines the computed styles, keeps title, legend and axis labels, drops hover layers', () => {
    const css = styles({
      line: { stroke: 'rgb(31, 119, 180)', 'stroke-width': '2.5px', fill: 'none' },
      'axis-label': { 'font-size': '16px', 'text-anchor': 'middle' },
    });
    const file = standaloneSvg(chart(), {}, css);
    expect([file.width, file.height]).toEqual([400, 220]);
    const doc = parseSvg(file.text);
    const root = doc.documentElement;
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(root.firstElementChild!.tagName).toBe('title');
    expect(root.firstElementChild!.textContent).toBe('Loss at iteration 10: 0.5');
    expect(root.querySelector('.line')!.getAttribute('style')).toBe(
      'fill:none;stroke:rgb(31, 119, 180);stroke-width:2.5px',
    );
    expect(root.querySelector('.axis-label')!.getAttribute('style')).toBe(
      'font-size:16px;text-anchor:middle',
    );
    expect(root.querySelector('.axis-label')!.textContent).toBe('iteration');
    expect(root.querySelector('.legend text')!.textContent).toBe('SG-B');
    expect(root.querySelector('.focus, .overlay')).toBeNull();
    expect(file.text).not.toContain('hover read-out');
  });

  it('paints a white background, then the underlays, under the chart', () => {
    const underlay = { href: 'data:image/png;base64,AAAA', x: 40, y: 30, width: 300, height: 150 };
    const doc = parseSvg(standaloneSvg(chart(), { underlays: [underlay] }, styles({})).text);
    const [title, bg, img, next] = [...doc.documentElement.children];
    expect(title.tagName).toBe('title');
    expect([bg.tagName, bg.getAttribute('fill'), bg.getAttribute('width')]).toEqual([
      'rect',
      '#ffffff',
      '100%',
    ]);
    expect(img.tagName).toBe('image');
    expect(['href', 'x', 'y', 'width', 'height'].map((k) => img.getAttribute(k))).toEqual([
      underlay.href,
      '40',
      '30',
      '300',
      '150',
    ]);
    expect(next.getAttribute('class')).toBe('legend');
  });

  it('adds a title from the aria-label when the chart has none; size from the viewBox', () => {
    const svg = chart();
    svg.querySelector('title')!.remove();
    svg.removeAttribute('width');
    svg.removeAttribute('height');
    const file = standaloneSvg(svg, {}, styles({}));
    expect([file.width, file.height]).toEqual([400, 220]);
    const root = parseSvg(file.text).documentElement;
    expect(root.firstElementChild!.textContent).toBe('Loss at iteration 10: 0.5');
    expect(root.getAttribute('width')).toBe('400');
    expect(STYLE_PROPS).toContain('stroke');
  });
});

describe('PNG size and file names', () => {
  it('scales to the projector width, aspect kept', () => {
    expect(PROJECTOR_WIDTH).toBeGreaterThanOrEqual(1920);
    expect(pngSize(400, 220)).toEqual({ width: 1920, height: 1056 });
    expect(pngSize(3000, 1000, 1920)).toEqual({ width: 1920, height: 640 });
  });

  it('file names keep letters, digits, dots, dashes and underscores', () => {
    expect(fileName('gvp', 'fig8-dup90', 'step120')).toBe('gvp-fig8-dup90-step120');
    expect(fileName('gvp', 'a b/c', 'step1')).toBe('gvp-a-b-c-step1');
  });
});

describe('the heading of an exported chart', () => {
  it('names the chart, the preset (or custom) and the step', () => {
    expect(exportHeading('Variance', 'fig6-labelnoise', 1200)).toBe(
      'Variance — fig6-labelnoise — step 1200',
    );
    expect(exportHeading('Training loss', null, 0)).toBe('Training loss — custom — step 0');
  });

  it('is a visible line in a band above the chart, which moves down under it', () => {
    const underlay = { href: 'data:image/png;base64,AAAA', x: 40, y: 30, width: 300, height: 150 };
    const heading = 'Loss — fig6-labelnoise — step 10';
    const file = standaloneSvg(chart(), { heading, underlays: [underlay] }, styles({}));
    expect([file.width, file.height]).toEqual([400, 220 + HEADING_HEIGHT]);
    const root = parseSvg(file.text).documentElement;
    expect(root.getAttribute('viewBox')).toBe(`0 0 400 ${220 + HEADING_HEIGHT}`);
    const text = root.querySelector('text.export-heading')!;
    expect(text.textContent).toBe(heading);
    expect(Number(text.getAttribute('y'))).toBeLessThan(HEADING_HEIGHT);
    expect(root.querySelector('image')!.getAttribute('y')).toBe(String(30 + HEADING_HEIGHT));
    const chartGroup = root.querySelector('.legend')!.parentElement!;
    expect(chartGroup.getAttribute('transform')).toBe(`translate(0,${HEADING_HEIGHT})`);
    expect(root.firstElementChild!.tagName).toBe('title'); // still the first child
  });
});
