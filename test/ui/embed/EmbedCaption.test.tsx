// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/core/config/presets';
import { EmbedCaption } from '../../../src/ui/embed/EmbedCaption';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let host: HTMLDivElement;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

describe('EmbedCaption', () => {
  it("shows the preset's title and changes in one line, its claim one click away", () => {
    const p = PRESETS.find((q) => q.name === 'fig6-labelnoise') ?? PRESETS[0];
    act(() =>
      root.render(
        <EmbedCaption preset={p.name} changes={[{ key: 'noise', from: '0.1', to: '0' }]} />,
      ),
    );
    const details = host.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')!.textContent).toContain(p.title);
    expect(details.querySelector('summary')!.textContent).toContain('(modified: noise 0.1 → 0)');
    expect(details.querySelector('p')!.textContent).toContain(p.claim);
    expect(details.querySelector('p')!.textContent).toContain(p.paperSection);
  });

  it('shows nothing without a known preset', () => {
    act(() => root.render(<EmbedCaption preset={null} changes={[]} />));
    expect(host.innerHTML).toBe('');
    act(() => root.render(<EmbedCaption preset="no-such-preset" changes={[]} />));
    expect(host.innerHTML).toBe('');
  });
});
