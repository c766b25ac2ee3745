import { csvFormat } from 'd3';
import { useState } from 'react';
import { sweepCsv } from '../../core/sweep/csv';
import { sweepJson, sweepResult } from '../../core/sweep/result';
import { download, fileName } from '../export/download';
import { svgToPng } from '../export/pngExport';
import { standaloneSvg } from '../export/svgExport';
import type { Sweep } from './useSweep';

/** The sweep's runs as CSV or JSON (what `npm run sweep` writes), its plot as SVG or PNG. */
export function SweepExport({ sw }: { sw: Sweep }) {
  const [message, setMessage] = useState<string | null>(null);
  const { ran, state } = sw;
  if (!ran || state.results.length === 0) return null;
  const stem = fileName(
    'gvp-sweep',
    sw.preset ?? ran.axes.map((a) => a.key).join('-'),
    `${state.results.length}runs`,
  );
  const result = () => sweepResult(ran, [...state.results]);
  const save = (name: string, blob: Blob) => {
    download(name, blob);
    setMessage(`Saved ${name}`);
  };
  const plot = async (as: 'svg' | 'png') => {
    const svg = document.querySelector<SVGSVGElement>('svg[data-testid="chart-sweep"]');
    if (!svg) return setMessage('no plot to export');
    try {
      const file = standaloneSvg(svg);
      if (as === 'svg') save(`${stem}.svg`, new Blob([file.text], { type: 'image/svg+xml' }));
      else save(`${stem}.png`, await svgToPng(file));
    } catch (e) {
      setMessage(`could not export the plot (${(e as Error).message})`);
    }
  };
  return (
    <div className="sweep-export" role="group" aria-label="Export the sweep">
      Export:{' '}
      <button
        type="button"
        onClick={() =>
          save(`${stem}.csv`, new Blob([sweepCsv(result(), csvFormat)], { type: 'text/csv' }))
        }
      >
        CSV
      </button>
      <button
        type="button"
        onClick={() =>
          save(`${stem}.json`, new Blob([sweepJson(result())], { type: 'application/json' }))
        }
      >
        JSON
      </button>
      <button type="button" onClick={() => void plot('svg')}>
        SVG
      </button>
      <button type="button" onClick={() => void plot('png')}>
        PNG
      </button>
      <span className="hint" aria-live="polite">
        {message}
      </span>
    </div>
  );
}
