import { useState } from 'react';
import type { ConfigProblem } from '../../core/config/codec';
import { serialize } from '../../core/config/codec';
import type { Config } from '../../core/config/schema';
import { runCsv, runJson, type RunRecord } from '../../core/run/export';
import { Modal } from '../components/Modal';
import { decimationNote } from '../state/history';
import type { RunState } from '../state/runStore';
import { configFileText, loadConfigFile, MAX_CONFIG_BYTES } from './configFile';
import { download, fileName } from './download';
import { PROJECTOR_WIDTH, svgToPng } from './pngExport';
import { canvasUnderlays, exportHeading, standaloneSvg } from './svgExport';
import './export.css';

/** The charts' names in an exported file's heading (others: their test id). */
const CHART_TITLES: Record<string, string> = {
  variance: 'Variance',
  nv: 'Normalized variance',
  loss: 'Training loss',
  accuracy: 'Accuracy',
  'cluster-plane': 'Gradient Clustering plane',
  projection: 'Gradient projection',
  'cluster-sizes': 'Cluster sizes',
  digits: 'Cluster digits',
};

export interface ExportMenuProps {
  config: Config;
  preset: string | null;
  /** The preset's settings were changed (a chart's heading says "fig6-labelnoise (modified)"). */
  presetModified?: boolean;
  state: RunState;
  /** A configuration loaded from a file (already schema-checked), with its problems. */
  onLoadConfig: (config: Config, problems: ConfigProblem[]) => void;
}

/** The charts on screen: [name, svg], from their test ids (`chart-variance` → variance). */
function chartsOnScreen(): [string, SVGSVGElement][] {
  return [...document.querySelectorAll<SVGSVGElement>('svg.chart[data-testid]')].map((svg) => [
    svg.dataset.testid!.replace(/^chart-/, ''),
    svg,
  ]);
}

/** The note a decimated history adds to the metrics export (nothing when all is there). */
function decimated(state: RunState): { decimated?: string } {
  const notes = [decimationNote(state.history)];
  const { refreshes, other } = state.eventsDropped;
  if (refreshes > 0) notes.push(`${refreshes} older GC and SVRG refresh events not kept`);
  if (other > 0) notes.push(`${other} older events not kept`);
  const text = notes.filter((n) => n !== null).join(' and ');
  return text ? { decimated: text } : {};
}

/**
 * Export metrics (CSV, JSON), each chart on screen (SVG, PNG) and the configuration (JSON);
 * load a configuration file. A bad file changes nothing and says why.
 */
export function ExportMenu({
  config,
  preset,
  presetModified = false,
  state,
  onLoadConfig,
}: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const stem = fileName('gvp', preset ?? config.data, `step${state.step}`);
  const record = (): RunRecord => ({
    exportedAt: new Date().toISOString(),
    preset,
    query: serialize(config),
    config,
    backend: state.backend?.name ?? 'none',
    reports: state.reports,
    events: state.events,
    ...decimated(state),
  });
  const save = (name: string, blob: Blob) => {
    download(name, blob);
    setSaved(`Saved ${name}`);
  };
  const text = (name: string, body: string, type: string) => save(name, new Blob([body], { type }));
  const chart = async (name: string, svg: SVGSVGElement, as: 'svg' | 'png') => {
    try {
      const run = preset && presetModified ? `${preset} (modified)` : preset;
      const heading = exportHeading(CHART_TITLES[name] ?? name, run, state.step);
      const file = standaloneSvg(svg, { heading, underlays: canvasUnderlays(svg) });
      if (as === 'svg') text(`${stem}-${name}.svg`, file.text, 'image/svg+xml');
      else save(`${stem}-${name}.png`, await svgToPng(file));
    } catch (e) {
      setError(`${name}: could not export the chart (${(e as Error).message})`);
    }
  };
  const load = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = ''; // choosing the same file again (after fixing it) fires change again
    if (!file) return;
    const tooBig = file.size > MAX_CONFIG_BYTES;
    const result = loadConfigFile(file.name, file.size, tooBig ? null : await file.text());
    if (!result.ok) return setError(result.error);
    setError(null);
    setOpen(false);
    onLoadConfig(result.config, result.problems);
  };
  const close = () => {
    setOpen(false);
    setError(null);
    setSaved(null);
  };
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        data-testid="export-open"
      >
        Export / import
      </button>
      <Modal open={open} title="Export and import" onClose={close} testId="export-dialog">
        <fieldset>
          <legend>Metrics ({state.reports.length} measurements, with the configuration)</legend>
          <button type="button" onClick={() => text(`${stem}.csv`, runCsv(record()), 'text/csv')}>
            Metrics as CSV
          </button>{' '}
          <button
            type="button"
            onClick={() => text(`${stem}.json`, runJson(record()), 'application/json')}
          >
            Metrics as JSON
          </button>
        </fieldset>
        <fieldset>
          <legend>Charts (SVG, or PNG {PROJECTOR_WIDTH} px wide)</legend>
          <ul className="export-charts">
            {(open ? chartsOnScreen() : []).map(([name, svg]) => (
              <li key={name}>
                {name}{' '}
                <button type="button" onClick={() => void chart(name, svg, 'svg')}>
                  SVG <span className="sr-only">of {name}</span>
                </button>{' '}
                <button type="button" onClick={() => void chart(name, svg, 'png')}>
                  PNG <span className="sr-only">of {name}</span>
                </button>
              </li>
            ))}
          </ul>
        </fieldset>
        <fieldset>
          <legend>Configuration</legend>
          <button
            type="button"
            onClick={() => text(`${stem}-config.json`, configFileText(config), 'application/json')}
          >
            Download JSON
          </button>
          <label className="export-load">
            Load configuration… (JSON, at most {MAX_CONFIG_BYTES / 1024} KiB){' '}
            <input
              type="file"
              accept=".json,application/json"
              data-testid="config-file"
              onChange={(e) => void load(e.currentTarget)}
            />
          </label>
        </fieldset>
        {error ? (
          <p className="notice error" role="alert" data-testid="config-file-error">
            {error}
          </p>
        ) : null}
        <p className="export-saved" role="status" data-testid="export-status">
          {saved}
        </p>
      </Modal>
    </>
  );
}
