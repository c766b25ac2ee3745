import { useState } from 'react';
import { pageUrl } from '../shell/address';

/** Copies the current URL (which always holds the full configuration and seed). */
export function ShareButton() {
  const [copied, setCopied] = useState<'idle' | 'ok' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(pageUrl());
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
    setTimeout(() => setCopied('idle'), 2000);
  };
  return (
    <button
      type="button"
      onClick={copy}
      data-testid="copy-link"
      title="Copy a link that reproduces this exact setup"
    >
      {copied === 'ok'
        ? 'Link copied'
        : copied === 'failed'
          ? 'Copy failed: use the address bar'
          : 'Copy link'}
    </button>
  );
}
