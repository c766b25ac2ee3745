import { useMemo } from 'react';
import { formulaHtml, inlineHtml } from './tex';
import 'katex/dist/katex.min.css';

/** A sentence with inline math ($…$), typeset by KaTeX. */
export function Rich({ text, as: Tag = 'span' }: { text: string; as?: 'span' | 'p' }) {
  const html = useMemo(() => inlineHtml(text), [text]);
  return <Tag dangerouslySetInnerHTML={{ __html: html }} />;
}

/** A displayed formula. */
export function Formula({ tex }: { tex: string }) {
  const html = useMemo(() => formulaHtml(tex, true), [tex]);
  return <div className="formula" dangerouslySetInnerHTML={{ __html: html }} />;
}
