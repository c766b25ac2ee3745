// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { reactHost } from '../../helpers/reactHost';
import { parse } from '../../../src/core/config/codec';
import { MAX_LISTED, ProblemsNotice } from '../../../src/ui/components/ProblemsNotice';

const dom = reactHost();

function show(query: string, compact: boolean): HTMLElement | null {
  act(() =>
    dom.root.render(
      <ProblemsNotice problems={parse(query).problems} onDismiss={() => {}} compact={compact} />,
    ),
  );
  return dom.host.querySelector('[data-testid="url-problems"]');
}

describe('ProblemsNotice', () => {
  it("embed=1's compact notice names every bad field, as an alert, messages one click away", () => {
    const n = show('embed=1&bs=-5&lr=NaN&foo=1', true)!;
    expect(n.getAttribute('role')).toBe('alert');
    expect(n.querySelector('summary')!.textContent).toBe('Settings adjusted: bs, lr, foo');
    expect([...n.querySelectorAll('li')].map((l) => l.textContent)).toEqual([
      'bs=-5 is below the minimum 1; using 1',
      'lr=NaN is not a number; using 0.05',
      'unknown setting foo; ignored',
    ]);
  });

  it('markup in a key or value is text, never elements', () => {
    const n = show('<img src=x onerror=alert(1)>=1&data=<b>x</b>', true)!;
    expect(n.querySelector('img, b')).toBeNull();
    expect(n.textContent).toContain('Settings adjusted: <img src, data');
  });

  it('10,000 unknown keys: a bounded list and a count', () => {
    const q = Array.from({ length: 10_000 }, (_, i) => `k${i}=1`).join('&');
    const full = show(q, false)!;
    expect(full.querySelectorAll('li')).toHaveLength(MAX_LISTED + 1);
    expect(full.querySelector('li:last-child')!.textContent).toBe('… and 9,980 more');
    const compact = show(q, true)!;
    expect(compact.querySelector('summary')!.textContent).toMatch(/k19 and 9980 more$/);
  });

  it('nothing to say: no notice', () => {
    expect(show('bs=8', true)).toBeNull();
  });
});
