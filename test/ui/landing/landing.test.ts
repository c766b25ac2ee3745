import { describe, expect, it } from 'vitest';
import {
  DISMISSED_KEY,
  dismissLanding,
  shouldShowLanding,
  type KeyValueStore,
} from '../../../src/ui/landing/landing';

function store(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

describe('the first-visit landing panel', () => {
  it('shows on a bare URL until dismissed, and stays dismissed', () => {
    const s = store();
    expect(shouldShowLanding('', s)).toBe(true);
    expect(shouldShowLanding('?', s)).toBe(true);
    dismissLanding(s);
    expect(s.map.get(DISMISSED_KEY)).toBe('1');
    expect(shouldShowLanding('', s)).toBe(false);
  });

  it('never shows when the URL carries a setup', () => {
    for (const q of ['?preset=fig8-dup90', '?lesson=2', '?bs=8', '?lecture=1'])
      expect(shouldShowLanding(q, store())).toBe(false);
  });

  it('copes with storage that is missing or throws', () => {
    const broken: KeyValueStore = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
    };
    expect(shouldShowLanding('', null)).toBe(true);
    expect(shouldShowLanding('', broken)).toBe(true);
    expect(() => dismissLanding(broken)).not.toThrow();
  });
});
