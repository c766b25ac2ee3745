import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/core/config/codec';
import { embedQuery, iframeSnippet } from '../../../src/ui/embed/embedLink';

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

describe('iframeSnippet', () => {
  it('escapes the URL and sizes the frame to the charts', () => {
    const s = iframeSnippet('http://h/?a=1&b="x"', 4);
    expect(s).toContain('src="http://h/?a=1&amp;b=&quot;x&quot;"');
    expect(s).toContain('height="780"');
  });
});
