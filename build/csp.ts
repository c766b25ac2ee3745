/**
 * The Content-Security-Policy of the built app (issue 15): no `unsafe-eval` and no inline
 * script. What each source is for:
 *   script-src 'self' 'wasm-unsafe-eval'  the bundles; compiling the tfjs WASM binaries
 *   worker-src 'self'                     the training worker and the service worker
 *   connect-src 'self'                    the MNIST digits, the .wasm files, the SW's cache
 *   img-src 'self' data: blob:            the inline icon; PNG export draws an SVG blob
 *   style-src 'self' 'unsafe-inline'      style attributes (KaTeX, D3, exported SVG styles);
 *                                         inline *styles* only, never scripts
 *   object-src 'none', base-uri 'self', form-action 'self'
 * The build writes it as a <meta> tag (the dev server's React refresh preamble is an inline
 * script, so dev runs without it); `vite preview` and the README's deployment notes send it
 * as a header, with X-Content-Type-Options: nosniff. Framing stays allowed (embed=1 is for
 * slides), so no frame-ancestors.
 */
import type { Plugin } from 'vite';

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
};

/** Adds the policy as a <meta> right after <meta charset> (before any script), in builds only. */
export function contentSecurityPolicy(): Plugin {
  const tag = `<meta http-equiv="Content-Security-Policy" content="${CSP}" />`;
  return {
    name: 'gvp-content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        const charset = /<meta charset=[^>]*>/i;
        if (!charset.test(html))
          throw new Error('index.html: no <meta charset> to put the CSP after');
        return html.replace(charset, (m) => `${m}\n    ${tag}`);
      },
    },
  };
}
