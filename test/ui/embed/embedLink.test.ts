import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/core/config/codec';
import {
  DEFAULT_EMBED_STEPS,
  embedQuery,
  FRAME_SIZES,
  iframeSnippet,
} from '../../../src/ui/embed/embedLink';

describe('embedQuery', () => {
  it('keeps the run and adds the chosen view, which parses back to the same choice', () => {
    const config = parse('data=xor&bs=8&lr=0.1').config;
    const q = embedQuery(config, {
      embed: true,
      charts: ['nv', 'variance'],
      hide: ['lr', 'bs'],
      lecture: false,
      autoplay: true,
    });
    const back = parse(q);
    expect(back.problems).toEqual([]);
    expect(back.config).toEqual({
      ...config,
      embed: true,
      charts: ['variance', 'nv'],
      hide: ['bs', 'lr'],
      autoplay: true,
    });
    expect(q).toContain('embed=1');
    expect(q).toContain('autoplay=1');
  });
});

describe('embedQuery with steps and a preset', () => {
  it('sets steps= and keeps preset= with what differs from it', () => {
    const config = { ...parse('preset=fig6-labelnoise').config, noise: 0 };
    const choice = { embed: true, charts: config.charts, hide: [], lecture: false, autoplay: true };
    const q = embedQuery(config, { ...choice, steps: DEFAULT_EMBED_STEPS }, 'fig6-labelnoise');
    expect(q).toBe('preset=fig6-labelnoise&noise=0&steps=2000&autoplay=1&embed=1');
    expect(parse(q).config.steps).toBe(2000);
    expect(embedQuery(config, choice)).not.toContain('steps=');
  });
});

describe('iframeSnippet', () => {
  it('escapes the URL; 16:9 at 960 × 540 by default, no caption', () => {
    const s = iframeSnippet('http://h/?a=1&b="x"');
    expect(s).toMatch(/^<iframe src="http:\/\/h\/\?a=1&amp;b=&quot;x&quot;"/);
    expect(s).toContain('width="960" height="540"');
    expect(FRAME_SIZES.every((f) => f.width * 9 === f.height * 16)).toBe(true);
  });

  it('puts an escaped caption under the frame when asked', () => {
    const s = iframeSnippet('http://h/', { width: 1280, height: 720, caption: 'Fig. 6 <live>' });
    expect(s).toMatch(/^<figure style="margin:0"><iframe src="http:\/\/h\/" width="1280"/);
    expect(s).toContain('<figcaption>Fig. 6 &lt;live&gt;</figcaption></figure>');
  });
});
