// @vitest-environment jsdom
import { select } from 'd3';
import { describe, expect, it } from 'vitest';
import { patchSvg } from '../../../src/ui/components/patchSvg';
import { render } from '../../../src/ui/charts/lineChart';
import type { LineData } from '../../../src/ui/charts/lineChart';

const SVG_NS = 'http://www.w3.org/2000/svg';

function svgOf(markup: string): SVGSVGElement {
  const host = document.createElement('div');
  host.innerHTML = `<svg xmlns="${SVG_NS}">${markup}</svg>`;
  return host.firstElementChild as SVGSVGElement;
}

describe('patchSvg', () => {
  it('keeps elements of the same tag in place and writes only what changed', () => {
    const live = svgOf('<g class="a"><path d="M0,0" fill="red"></path><text>old</text></g>');
    const path = live.querySelector('path')!;
    const text = live.querySelector('text')!;
    const fresh = svgOf('<g class="b"><path d="M1,1"></path><text>new</text></g>');
    patchSvg(live, fresh);
    expect(live.innerHTML).toBe('<g class="b"><path d="M1,1"></path><text>new</text></g>');
    expect(live.querySelector('path')).toBe(path); // kept, fill removed, d rewritten
    expect(live.querySelector('text')).toBe(text);
  });

  it('replaces an element whose tag differs, appends new ones and drops the surplus', () => {
    const live = svgOf('<g></g><circle r="1"></circle><line></line><rect></rect>');
    const fresh = svgOf('<g></g><rect width="2"></rect><line></line><text>t</text><path></path>');
    patchSvg(live, fresh);
    expect(live.innerHTML).toBe(
      '<g></g><rect width="2"></rect><line></line><text>t</text><path></path>',
    );
    patchSvg(live, svgOf('<g></g>'));
    expect(live.innerHTML).toBe('<g></g>');
  });

  it('ends equal to a fresh drawing of a line chart, redraw after redraw', () => {
    const data = (n: number): LineData => ({
      series: [
        { id: 'SG-B', label: 'SG-B', x: [0, 1, 2, 3].slice(0, n), y: [3, 1, 2, 5].slice(0, n) },
      ],
      markers: n > 2 ? [{ x: 1, label: 'GC', kind: 'gc' }] : [],
    });
    const live = document.createElementNS(SVG_NS, 'svg');
    for (const n of [1, 4, 2, 3]) {
      const fresh = live.cloneNode(false) as SVGSVGElement;
      render(fresh, data(n), { width: 300, height: 200, title: 'Variance' });
      const expected = document.createElementNS(SVG_NS, 'svg');
      render(expected, data(n), { width: 300, height: 200, title: 'Variance' });
      patchSvg(live, fresh);
      expect(live.outerHTML).toBe(expected.outerHTML);
    }
  });

  it('moves d3 listeners and data to the element kept', () => {
    const live = svgOf('<rect></rect>');
    const fresh = svgOf('<rect></rect>');
    const heard: string[] = [];
    select(live.firstElementChild!).on('click', () => heard.push('old'));
    select(fresh.firstElementChild!)
      .datum(7)
      .on('click', (_e, d) => heard.push(`new ${d}`));
    patchSvg(live, fresh);
    live.firstElementChild!.dispatchEvent(new Event('click'));
    expect(heard).toEqual(['new 7']);
  });
});
