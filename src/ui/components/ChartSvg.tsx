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
    if (ref.current) render(ref.current, data, options);
  }, [render, data, options]);
  return <svg ref={ref} className="chart" data-testid={testId} />;
}
