import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/core/config/codec';
import { classMix, explainStages, num } from '../../../src/ui/explain/stages';
import { STEP } from './fixture';

describe('explainStages', () => {
  it('narrates the five stages with the step’s numbers', () => {
    const stages = explainStages(STEP, parse('bs=4&mom=0.9').config);
    expect(stages.map((s) => s.id)).toEqual(['batch', 'examples', 'mean', 'variance', 'update']);
    const text = stages.map((s) => s.lines.join(' '));
    expect(text[0]).toContain('Step 12: SGD takes the next B = 4 examples');
    expect(text[0]).toContain('1 of class 0, 3 of class 1');
    expect(text[0]).toContain('3 of them are in the measurement pool');
    expect(text[0]).toContain('the other 1 are not drawn there');
    expect(text[1]).toContain('from 0.100 to 2.00');
    expect(text[2]).toContain('‖ĝ_B‖ = 0.800, ‖g‖ = 0.600, cosine(ĝ_B, g) = 0.930');
    expect(text[3]).toContain('SG-B: variance 1.20e-4, normalized 0.610');
    expect(text[3]).not.toContain('with replacement');
    expect(text[4]).toContain(
      'θ ← θ − lr·v with v ← 0.9·v + ĝ_B, lr = 0.05: θ moves by ‖Δθ‖ = 0.0400',
    );
    expect(text[4]).toContain('from 0.575 to 0.550');
    for (const t of text) expect(t).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('states plain SGD, weight decay and the replacement of the measurement', () => {
    const plain = explainStages(STEP, parse('bs=4').config);
    expect(plain[4].lines[0]).toMatch(/^θ ← θ − lr·ĝ_B, lr = 0.05/);
    const all = { ...STEP, batch: { ...STEP.batch, poolIndex: Int32Array.from([0, 1, 2, 3]) } };
    const decayed = explainStages(all, parse('bs=4&wd=0.001&repl=1').config);
    expect(decayed[4].lines[0]).toContain('v ← 0·v + ĝ_B + 0.001·θ');
    expect(decayed[3].lines[0]).toContain('(for examples drawn with replacement)');
    expect(decayed[0].lines[1]).toBe('They are ringed in the 2-D view (when the data is 2-D).');
  });

  it('formats numbers for prose and counts classes', () => {
    expect([num(0), num(0.5), num(1.2e-7), num(3e5), num(NaN), num(-Infinity)]).toEqual([
      '0.00',
      '0.500',
      '1.20e-7',
      '3.00e+5',
      'not finite',
      'not finite',
    ]);
    expect(classMix([2, 0, 2, 2])).toBe('1 of class 0, 3 of class 2');
  });
});
