import { useEffect, useRef } from 'react';

interface Props<D, O> {
  render: (svg: SVGSVGElement, data: D, options: Partial<O>) => void;
  data: D;
  options: Partial<O>;
  testId?: string;
}

/** React owns the container; the chart's render function (D3) owns everything inside. */
export function ChartSvg<D, O>({ render, data, options, testId }: Props<D, O>) {
  const ref = useRef<SVGSVGElement>(null);
  useEffect(() => {
    // Each chart draws in its own task (not in React's commit), so that redrawing every chart
    // never blocks the main thread in one long task; a newer update cancels a pending one.
    const id = setTimeout(() => {
      const svg = ref.current;
      if (svg) render(svg, data, options);
    }, 0);
    return () => clearTimeout(id);
  }, [render, data, options]);
  return <svg ref={ref} className="chart" data-testid={testId} />;
}
