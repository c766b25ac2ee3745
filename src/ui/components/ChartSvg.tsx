import { useEffect, useRef } from 'react';
import { scheduleDraw, type Draw } from './drawQueue';
import { patchSvg } from './patchSvg';

interface Props<D, O> {
  /** Draws data into svg; may return the draw's next part (drawQueue.ts). */
  render: (svg: SVGSVGElement, data: D, options: Partial<O>) => Draw | void;
  data: D;
  options: Partial<O>;
  testId?: string;
  /**
   * Draw into a detached copy and patch the live chart from it (patchSvg.ts): for charts
   * redrawn while a run plays. Their listeners must find their elements at event time.
   */
  retained?: boolean;
}

/** React owns the container; the chart's render function (D3) owns everything inside. */
export function ChartSvg<D, O>({ render, data, options, testId, retained }: Props<D, O>) {
  const ref = useRef<SVGSVGElement>(null);
  useEffect(() => {
    // Draws wait for an animation frame and take turns (drawQueue.ts), outside React's commit,
    // so that redrawing every chart never blocks the main thread in one long task. A newer
    // update replaces a draw still waiting; a chart gone from the page by its turn is skipped.
    const svg = ref.current;
    if (!svg) return;
    scheduleDraw(svg, () => {
      if (!svg.isConnected) return;
      if (!retained) return render(svg, data, options);
      const fresh = svg.cloneNode(false) as SVGSVGElement; // React's attributes, no content
      const finish = (part: Draw | void): Draw | void =>
        part ? () => finish(part()) : patchSvg(svg, fresh);
      return finish(render(fresh, data, options));
    });
  }, [render, data, options, retained]);
  return <svg ref={ref} className="chart" data-testid={testId} />;
}
