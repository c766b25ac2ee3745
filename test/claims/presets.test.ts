import { beforeAll, describe, expect, it } from 'vitest';
import { checkPreset, formatResults, useWasm } from '../../cli/checkClaims';
import { PRESETS } from '../../src/core/config/presets';

// Every preset's claims, headless on WASM over their seeds (fig3-mnist, the slow one, runs in
// mnist.test.ts so that the two files share the CI's two cores). A claim that fails prints its
// sentence and the value on each seed.
beforeAll(useWasm);

describe('every preset claim holds on each of its seeds', () => {
  const presets = PRESETS.filter((p) => p.config.data !== 'mnist');
  it.each(presets.map((p) => [p.name, p] as const))(
    '%s',
    async (_, preset) => {
      expect(preset.claims.length).toBeGreaterThan(0);
      const results = await checkPreset(preset);
      expect(
        results.every((r) => r.outcome.holds),
        formatResults(results),
      ).toBe(true);
    },
    240_000,
  );
});
