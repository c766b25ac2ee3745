import { useState } from 'react';
import type { Config } from '../../core/config/schema';
import { CHART_KEYS, HIDEABLE } from '../../core/config/schema';
import { fieldOf } from '../../core/config/schema';
import { Modal } from '../components/Modal';
import { embedQuery, iframeSnippet, type EmbedChoice } from './embedLink';

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
}

/** "Build an embed link": pick the charts, hidden controls and view; copy the URL or iframe. */
export function EmbedDialog({ config, base }: Props) {
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<EmbedChoice>(() => ({
    embed: true,
    charts: [...config.charts],
    hide: [...config.hide],
    lecture: config.lecture,
    autoplay: true,
  }));
  const url = `${base}?${embedQuery(config, choice)}`;
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
      <button type="button" onClick={() => setOpen(true)} data-testid="embed-open">
        Build an embed link
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
          value={iframeSnippet(url, choice.charts.length)}
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
