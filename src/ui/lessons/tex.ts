/**
 * Text with inline TeX between `$…$`, typeset by KaTeX. Pure string functions (no DOM), so
 * the tests can typeset every formula of the course with throwOnError and check that no raw
 * TeX reaches the page. `\$` is a literal dollar sign.
 */
import katex from 'katex';

export interface Segment {
  math: boolean;
  text: string;
}

/** Splits text into plain and math segments; an unclosed `$` is an error naming the text. */
export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let math = false;
  let buf = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && text[i + 1] === '$') {
      buf += math ? '\\$' : '$';
      i++;
    } else if (c === '$') {
      if (buf) out.push({ math, text: buf });
      buf = '';
      math = !math;
    } else buf += c;
  }
  if (math) throw new Error(`unclosed $ in: ${text.slice(0, 60)}`);
  if (buf) out.push({ math: false, text: buf });
  return out;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * KaTeX's HTML for one formula: the visible rendering plus MathML for screen readers. Throws
 * on a TeX error (a typo must fail a test, not show red text to a class).
 */
export function formulaHtml(tex: string, display: boolean): string {
  return katex.renderToString(tex, {
    displayMode: display,
    throwOnError: true,
    output: 'htmlAndMathml',
  });
}

/** HTML for a sentence with inline math: plain parts escaped, math parts typeset. */
export function inlineHtml(text: string): string {
  return segments(text)
    .map((s) => (s.math ? formulaHtml(s.text, false) : escapeHtml(s.text)))
    .join('');
}
