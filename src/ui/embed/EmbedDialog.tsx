import { useState } from 'react';
import type { Config } from '../../core/config/schema';
import { CHART_KEYS, HIDEABLE } from '../../core/config/schema';
import { fieldOf } from '../../core/config/schema';
import { PRESETS } from '../../core/config/presets';
import { Modal } from '../components/Modal';
import {
  DEFAULT_EMBED_STEPS,
  embedQuery,
  FRAME_SIZES,
  iframeSnippet,
  type EmbedChoice,
} from './embedLink';

const CHART_NAMES: Record<(typeof CHART_KEYS)[number], string> = {
  variance: 'Variance',
  nv: 'Normalized variance',
  loss: 'Training loss',
  acc: 'Accuracy',
  clusters: 'Gradient Clustering views',
};

const controlName = (key: string) =>
  fieldOf(key)?.label ?? (key === 'presets' ? 'Presets menu' : 'Share / export buttons');

interface Props {
  config: Config;
  /** The page's address without its query, e.g. https://host/path/. */
  base: string;
  /** The preset loaded (the link keeps `preset=` and its caption), if any. */
  preset?: string | null;
}

/** The caption offered under the frame: the preset's figure, or what the frame is. */
function defaultCaption(preset: string | null): string {
  const p = PRESETS.find((x) => x.name === preset);
  return p
    ? `${p.title} (live, Gradient Variance Playground)`
    : 'Gradient Variance Playground (live)';
}

/** "Build an embed link": pick the charts, hidden controls and view; copy the URL or iframe. */
export function EmbedDialog({ config, base, preset = null }: Props) {
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<EmbedChoice>(() => ({
    embed: true,
    charts: [...config.charts],
    hide: [...config.hide],
    lecture: config.lecture,
    autoplay: true,
    steps: config.steps > 0 ? config.steps : DEFAULT_EMBED_STEPS,
  }));
  const [size, setSize] = useState(0);
  const [captioned, setCaptioned] = useState(false);
  const [caption, setCaption] = useState<string | null>(null); // null: the default caption
  const url = `${base}?${embedQuery(config, choice, preset)}`;
  const frame = {
    ...FRAME_SIZES[size],
    caption: captioned ? (caption ?? defaultCaption(preset)) : undefined,
  };
  const toggle = <K extends 'charts' | 'hide'>(key: K, value: EmbedChoice[K][number]) =>
    setChoice((c) => {
      const list = c[key] as string[];
      const next = list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
      return { ...c, [key]: next };
    });
  const flag = (key: 'embed' | 'lecture' | 'autoplay', label: string) => (
    <label>
      <input
        type="checkbox"
        checked={choice[key]}
        onChange={(e) => setChoice((c) => ({ ...c, [key]: e.target.checked }))}
      />{' '}
      {label}
    </label>
  );
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        data-testid="embed-open"
        title="Build an embed link (an iframe for slides or a course page)"
      >
        Embed…
      </button>
      <Modal
        open={open}
        title="Build an embed link"
        onClose={() => setOpen(false)}
        testId="embed-dialog"
      >
        <p className="muted">The link keeps this run&apos;s settings; choose what it shows.</p>
        <fieldset>
          <legend>View</legend>
          {flag('embed', 'Embed: only the charts and play / reset')}
          {flag('lecture', 'Lecture mode (large)')}
          {flag('autoplay', 'Start playing on load')}
          <label>
            Pause after{' '}
            <input
              type="number"
              min={0}
              step={100}
              value={choice.steps}
              data-testid="embed-steps"
              onChange={(e) => {
                const n = Math.round(Number(e.target.value));
                setChoice((c) => ({ ...c, steps: Number.isFinite(n) && n >= 0 ? n : 0 }));
              }}
            />{' '}
            steps (0: run until paused)
          </label>
        </fieldset>
        <fieldset>
          <legend>Frame for slides</legend>
          <label>
            Size (16:9){' '}
            <select
              value={size}
              data-testid="embed-size"
              onChange={(e) => setSize(Number(e.target.value))}
            >
              {FRAME_SIZES.map((f, i) => (
                <option key={f.width} value={i}>
                  {f.width} × {f.height}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input
              type="checkbox"
              checked={captioned}
              data-testid="embed-caption"
              onChange={(e) => setCaptioned(e.target.checked)}
            />{' '}
            Caption under the frame
          </label>
          {captioned ? (
            <label>
              Caption{' '}
              <input
                type="text"
                value={caption ?? defaultCaption(preset)}
                onChange={(e) => setCaption(e.target.value)}
              />
            </label>
          ) : null}
        </fieldset>
        <fieldset>
          <legend>Charts shown</legend>
          {CHART_KEYS.map((k) => (
            <label key={k}>
              <input
                type="checkbox"
                checked={choice.charts.includes(k)}
                onChange={() => toggle('charts', k)}
              />{' '}
              {CHART_NAMES[k]}
            </label>
          ))}
        </fieldset>
        {choice.embed ? null : (
          <fieldset className="hide-list">
            <legend>Controls hidden</legend>
            {HIDEABLE.map((k) => (
              <label key={k}>
                <input
                  type="checkbox"
                  checked={choice.hide.includes(k)}
                  onChange={() => toggle('hide', k)}
                />{' '}
                {controlName(k)}
              </label>
            ))}
          </fieldset>
        )}
        <CopyField label="Link" value={url} testId="embed-url" />
        <CopyField
          label="HTML for slides"
          value={iframeSnippet(url, frame)}
          testId="embed-iframe"
        />
        <p>
          <a href={url} target="_blank" rel="noreferrer">
            Open the link in a new tab ↗
          </a>
        </p>
      </Modal>
    </>
  );
}

function CopyField({ label, value, testId }: { label: string; value: string; testId: string }) {
  const [copied, setCopied] = useState(false);
  const copy = () =>
    navigator.clipboard?.writeText(value).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <div className="copy-field">
      <label>
        {label}
        <textarea
          readOnly
          value={value}
          rows={2}
          data-testid={testId}
          onFocus={(e) => e.target.select()}
        />
      </label>
      <button type="button" onClick={() => void copy()}>
        {copied ? 'Copied ✓' : 'Copy'}
      </button>
    </div>
  );
}
