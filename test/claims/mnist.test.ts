import { beforeAll, describe, expect, it } from 'vitest';
import { checkPreset, formatResults, useWasm } from '../../cli/checkClaims';
import { PRESETS } from '../../src/core/config/presets';

// The MNIST preset's claims (see presets.test.ts), in a file of its own: it is the slow one.
beforeAll(useWasm);

describe('every MNIST preset claim holds on each of its seeds', () => {
  const presets = PRESETS.filter((p) => p.config.data === 'mnist');
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
    600_000,
  );
});
