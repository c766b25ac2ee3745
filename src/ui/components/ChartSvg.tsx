import { useEffect, useRef } from 'react';

interface Props<D, O> {
  render: (svg: SVGSVGElement, data: D, options: Partial<O>) => void;
  data: D;
  options: Partial<O>;
  testId?: string;
  /**
   * Drawn at its options' size, shown this many times larger: the viewBox keeps the drawing, so
   * fonts and lines scale with it (lecture mode's 1.5× without touching the chart code).
   */
  zoom?: number;
}

/** React owns the container; the chart's render function (D3) owns everything inside. */
export function ChartSvg<D, O>({ render, data, options, testId, zoom = 1 }: Props<D, O>) {
  const ref = useRef<SVGSVGElement>(null);
  useEffect(() => {
    // Each chart draws in its own task (not in React's commit), so that redrawing every chart
    // never blocks the main thread in one long task; a newer update cancels a pending one.
    const id = setTimeout(() => {
      const svg = ref.current;
      if (!svg) return;
      render(svg, data, options);
      if (zoom === 1) return;
      for (const side of ['width', 'height']) {
        const drawn = Number(svg.getAttribute(side));
        if (drawn > 0) svg.setAttribute(side, String(Math.round(drawn * zoom)));
      }
    }, 0);
    return () => clearTimeout(id);
  }, [render, data, options, zoom]);
  return <svg ref={ref} className="chart" data-testid={testId} />;
}
