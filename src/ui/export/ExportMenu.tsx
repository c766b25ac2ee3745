import { useState } from 'react';
import type { Problem } from '../../core/config/codec';
import { serialize } from '../../core/config/codec';
import type { Config } from '../../core/config/schema';
import { runCsv, runJson, type RunRecord } from '../../engine/runExport';
import { Modal } from '../components/Modal';
import type { RunState } from '../state/runStore';
import { configFileText, loadConfigFile, MAX_CONFIG_BYTES } from './configFile';
import { download, PROJECTOR_WIDTH, standaloneSvg, svgToPng } from './svgExport';

export interface ExportMenuProps {
  config: Config;
  preset: string | null;
  state: RunState;
  /** A configuration loaded from a file (already schema-checked), with its problems. */
  onLoadConfig: (config: Config, problems: Problem[]) => void;
}

/** The charts on screen: [name, svg], from their test ids (`chart-variance` → variance). */
function chartsOnScreen(): [string, SVGSVGElement][] {
  return [...document.querySelectorAll<SVGSVGElement>('svg.chart[data-testid]')].map((svg) => [
    svg.dataset.testid!.replace(/^chart-/, ''),
    svg,
  ]);
}

/** Export metrics, charts and the configuration; load a configuration file. */
export function ExportMenu({ config, preset, state, onLoadConfig }: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const stem = `gvp-${preset ?? config.data}-step${state.step}`;
  const record = (): RunRecord => ({
    exportedAt: new Date().toISOString(),
    preset,
    query: serialize(config),
    config,
    backend: state.backend?.name ?? 'none',
    reports: state.reports,
    events: state.events,
  });
  const text = (name: string, body: string, type: string) =>
    download(name, new Blob([body], { type }));
  const chart = async (name: string, svg: SVGSVGElement, as: 'svg' | 'png') => {
    const file = standaloneSvg(svg);
    if (as === 'svg') text(`${stem}-${name}.svg`, file.text, 'image/svg+xml');
    else download(`${stem}-${name}.png`, await svgToPng(file));
  };
  const load = async (file: File | undefined) => {
    if (!file) return;
    const tooBig = file.size > MAX_CONFIG_BYTES;
    const result = loadConfigFile(file.name, file.size, tooBig ? null : await file.text());
    if (!result.ok) return setMessage(result.error);
    setMessage(null);
    setOpen(false);
    onLoadConfig(result.config, result.problems);
  };
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} data-testid="export-open">
        Export / import
      </button>
      <Modal
        open={open}
        title="Export and import"
        onClose={() => {
          setOpen(false);
          setMessage(null);
        }}
        testId="export-dialog"
      >
        <fieldset>
          <legend>Metrics ({state.reports.length} measurements, with the configuration)</legend>
          <button type="button" onClick={() => text(`${stem}.csv`, runCsv(record()), 'text/csv')}>
            Metrics as CSV
          </button>
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
            {chartsOnScreen().map(([name, svg]) => (
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
          <label>
            Load a configuration file{' '}
            <input
              type="file"
              accept=".json,application/json"
              data-testid="config-file"
              onChange={(e) => void load(e.target.files?.[0])}
            />
          </label>
          {message ? (
            <p className="notice error" role="alert" data-testid="config-file-error">
              {message}
            </p>
          ) : null}
        </fieldset>
      </Modal>
    </>
  );
}
