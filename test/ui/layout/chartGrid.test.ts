import { describe, expect, it } from 'vitest';
import { CHART_GAP, chartGrid } from '../../../src/ui/layout/chartGrid';

describe('chartGrid: four charts on one screen, one column on a phone', () => {
  it('1440 × 900: two columns, two rows sharing what is left of the screen', () => {
    const g = chartGrid(724, 760, 4);
    expect(g.columns).toBe(2);
    expect(2 * g.width + CHART_GAP).toBeLessThanOrEqual(724);
    expect(2 * g.rowHeight + CHART_GAP).toBeLessThanOrEqual(760);
    expect(g.rowHeight).toBe(374);
  });

  it('a phone: one column as wide as the box, never taller than 360 px', () => {
    const g = chartGrid(358, 200, 4);
    expect(g).toEqual({ columns: 1, width: 358, rowHeight: 286 });
  });

  it('one chart takes the whole width; rows never shrink below 220 px', () => {
    expect(chartGrid(1000, 700, 1)).toEqual({ columns: 1, width: 1000, rowHeight: 640 });
    expect(chartGrid(1000, 100, 4).rowHeight).toBe(220);
  });

  it('three charts: two rows of two columns', () => {
    const g = chartGrid(800, 612, 3);
    expect(g.columns).toBe(2);
    expect(g.rowHeight).toBe(300);
  });
});
