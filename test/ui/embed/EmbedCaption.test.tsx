// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { reactHost } from '../../helpers/reactHost';
import { PRESETS } from '../../../src/core/config/presets';
import { EmbedCaption } from '../../../src/ui/embed/EmbedCaption';

const dom = reactHost();

describe('EmbedCaption', () => {
  it("shows the preset's title and changes in one line, its claim one click away", () => {
    const p = PRESETS.find((q) => q.name === 'fig6-labelnoise') ?? PRESETS[0];
    act(() =>
      dom.root.render(
        <EmbedCaption preset={p.name} changes={[{ key: 'noise', from: '0.1', to: '0' }]} />,
      ),
    );
    const details = dom.host.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')!.textContent).toContain(p.title);
    expect(details.querySelector('summary')!.textContent).toContain('(modified: noise 0.1 → 0)');
    expect(details.querySelector('p')!.textContent).toContain(p.claim);
    expect(details.querySelector('p')!.textContent).toContain(p.paperSection);
  });

  it('shows nothing without a known preset', () => {
    act(() => dom.root.render(<EmbedCaption preset={null} changes={[]} />));
    expect(dom.host.innerHTML).toBe('');
    act(() => dom.root.render(<EmbedCaption preset="no-such-preset" changes={[]} />));
    expect(dom.host.innerHTML).toBe('');
  });
});
