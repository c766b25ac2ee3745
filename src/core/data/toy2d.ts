/**
 * 2-D toy sets: two classes, exactly balanced (counts floor(n/2) / ceil(n/2), seeded order),
 * inputs within about [-1, 1]^2. Each generator is (n, rng) => Dataset and draws x_i | y_i.
 */
import type { Rng } from '../rng';
import { type Dataset, assertInt, balancedLabels, createDataset } from './dataset';

export type Toy2dName = 'blobs' | 'xor' | 'circles' | 'spiral';
export const TOY2D_NAMES: readonly Toy2dName[] = Object.freeze([
  'blobs',
  'xor',
  'circles',
  'spiral',
]);

/** Draws one point of class c into out[0], out[1]. */
type PointSampler = (c: number, rng: Rng, out: [number, number]) => void;

function generate(name: Toy2dName, n: number, rng: Rng, sample: PointSampler): Dataset {
  assertInt(n, `${name}: n`, 1);
  const y = balancedLabels(n, 2, rng);
  const x = new Float32Array(2 * n);
  const p: [number, number] = [0, 0];
  for (let i = 0; i < n; i++) {
    sample(y[i], rng, p);
    x[2 * i] = p[0];
    x[2 * i + 1] = p[1];
  }
  return createDataset(name, x, y, 2, 2);
}

/** N(mean, std²) truncated to mean ± 2.5 std (draws outside are redrawn). */
function truncatedNormal(rng: Rng, mean: number, std: number): number {
  let z = rng.normal();
  while (Math.abs(z) > 2.5) z = rng.normal();
  return mean + std * z;
}

/**
 * Two linearly separable Gaussian blobs (paper Fig. 1), elongated along the boundary
 * x1 + x2 = 0. In the rotated frame u = (1,1)/√2 (across), w = (1,-1)/√2 (along):
 * a ~ ±0.5 + 0.12 z, b ~ 0.3 z', z and z' standard normal truncated to ±2.5, so |a| >= 0.2:
 * class 1 has x1 + x2 >= 0.2√2, class 0 the mirror image, and |x1|, |x2| <= 1.1.
 */
export function blobs(n: number, rng: Rng): Dataset {
  return generate('blobs', n, rng, (c, r, out) => {
    const a = truncatedNormal(r, c === 1 ? 0.5 : -0.5, 0.12);
    const b = truncatedNormal(r, 0, 0.3);
    out[0] = Math.SQRT1_2 * (a + b);
    out[1] = Math.SQRT1_2 * (a - b);
  });
}

/**
 * XOR: |x1|, |x2| ~ U[0.05, 1], signs chosen so class 1 has x1*x2 > 0 (quadrants I, III)
 * and class 0 has x1*x2 < 0 (II, IV).
 */
export function xor(n: number, rng: Rng): Dataset {
  return generate('xor', n, rng, (c, r, out) => {
    const s1 = r.next() < 0.5 ? -1 : 1;
    const s2 = c === 1 ? s1 : -s1;
    out[0] = s1 * (0.05 + 0.95 * r.next());
    out[1] = s2 * (0.05 + 0.95 * r.next());
  });
}

/**
 * Concentric circles: class 0 uniform on the disc r <= 0.4, class 1 uniform on the annulus
 * 0.6 <= r <= 1 (radius r = sqrt(U[r0², r1²]) gives uniform density per area).
 */
export function circles(n: number, rng: Rng): Dataset {
  return generate('circles', n, rng, (c, r, out) => {
    const [r0, r1] = c === 1 ? [0.6, 1] : [0, 0.4];
    const rad = Math.sqrt(r0 * r0 + (r1 * r1 - r0 * r0) * r.next());
    const phi = 2 * Math.PI * r.next();
    out[0] = rad * Math.cos(phi);
    out[1] = rad * Math.sin(phi);
  });
}

/**
 * Two interleaved spiral arms: t ~ U[0, 1], radius 0.05 + 0.9 t, angle 3.5π t + cπ
 * (class 1 is class 0 rotated by π), plus N(0, 0.02²) jitter per coordinate.
 */
export function spiral(n: number, rng: Rng): Dataset {
  return generate('spiral', n, rng, (c, r, out) => {
    const t = r.next();
    const rad = 0.05 + 0.9 * t;
    const phi = 3.5 * Math.PI * t + c * Math.PI;
    out[0] = rad * Math.cos(phi) + 0.02 * r.normal();
    out[1] = rad * Math.sin(phi) + 0.02 * r.normal();
  });
}

export const TOY2D: Readonly<Record<Toy2dName, (n: number, rng: Rng) => Dataset>> = Object.freeze({
  blobs,
  xor,
  circles,
  spiral,
});

export function isToy2dName(s: string): s is Toy2dName {
  return (TOY2D_NAMES as readonly string[]).includes(s);
}
