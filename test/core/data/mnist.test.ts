import { describe, expect, it } from 'vitest';
import { loadMnist } from '../../../cli/loadMnist';
import { classCounts } from '../../../src/core/data/dataset';
import {
  decodeMnist,
  encodeMnist,
  mnistMaxTrain,
  mnistSplit,
  mnistTestSize,
} from '../../../src/core/data/mnist';
import { Rng } from '../../../src/core/rng';

/** count images of 2x3 pixels with pixel (i, k) = (7 i + k) mod 256, label i mod 10. */
function synthetic(count: number): { pixels: Uint8Array; labels: Uint8Array; bytes: Uint8Array } {
  const pixels = new Uint8Array(count * 6);
  for (let k = 0; k < pixels.length; k++) pixels[k] = (7 * Math.floor(k / 6) + (k % 6)) % 256;
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 10);
  return { pixels, labels, bytes: encodeMnist(pixels, labels, 2, 3) };
}

describe('MNIST binary', () => {
  it('round-trips a tiny synthetic buffer', () => {
    const { pixels, labels, bytes } = synthetic(40);
    expect(bytes.length).toBe(16 + 40 * 7);
    for (const input of [bytes, bytes.buffer as ArrayBuffer]) {
      const d = decodeMnist(input);
      expect([d.n, d.dim, d.rows, d.cols, d.numClasses]).toEqual([40, 6, 2, 3, 10]);
      expect(Array.from(d.y)).toEqual(Array.from(labels));
      for (let k = 0; k < pixels.length; k++) expect(d.x[k]).toBeCloseTo(pixels[k] / 255, 7);
    }
  });

  it('decodes from a Uint8Array view with a byte offset', () => {
    const { bytes } = synthetic(3);
    const padded = new Uint8Array(bytes.length + 5);
    padded.set(bytes, 5);
    expect(decodeMnist(padded.subarray(5)).n).toBe(3);
  });

  it('rejects bad input with clear messages', () => {
    const { bytes } = synthetic(4);
    expect(() => decodeMnist(bytes.subarray(0, 10))).toThrow(/too short/);
    const badMagic = bytes.slice();
    badMagic[0] = 0x58;
    expect(() => decodeMnist(badMagic)).toThrow(/bad magic/);
    expect(() => decodeMnist(bytes.subarray(0, bytes.length - 1))).toThrow(/size mismatch/);
    const longer = new Uint8Array(bytes.length + 1);
    longer.set(bytes);
    expect(() => decodeMnist(longer)).toThrow(/size mismatch/);
    const badLabel = bytes.slice();
    badLabel[bytes.length - 1] = 10;
    expect(() => decodeMnist(badLabel)).toThrow(/label 3 is 10/);
    expect(() => decodeMnist(encodeMnist(new Uint8Array(0), new Uint8Array(0), 2, 3))).toThrow(
      /empty header/,
    );
  });

  it('splits into a disjoint, seeded train/test; the test set ignores nTrain', () => {
    const all = decodeMnist(synthetic(100).bytes); // image i is unique via pixel 0 = 7i mod 256
    const id = (x: Float32Array, dim: number, i: number) => Math.round(x[i * dim] * 255);
    const a = mnistSplit(all, 50, new Rng(1));
    const b = mnistSplit(all, 1000, new Rng(1));
    expect([a.train.n, a.test.n, b.train.n]).toEqual([50, 20, 80]);
    expect(b.test).toEqual(a.test);
    const trainIds = new Set(Array.from({ length: b.train.n }, (_, i) => id(b.train.x, 6, i)));
    const testIds = Array.from({ length: b.test.n }, (_, i) => id(b.test.x, 6, i));
    expect(trainIds.size + new Set(testIds).size).toBe(100);
    expect(testIds.some((t) => trainIds.has(t))).toBe(false);
    expect(mnistSplit(all, 50, new Rng(2)).test).not.toEqual(a.test);
    expect([mnistTestSize(10000), mnistMaxTrain(10000)]).toEqual([2000, 8000]);
  });
});

describe('MNIST real file (public/data/mnist-10k.bin, converted on demand)', () => {
  const all = loadMnist();

  it('holds 10,000 28x28 digits, labels 0..9, pixels in [0, 1]', () => {
    expect([all.n, all.dim, all.rows, all.cols]).toEqual([10000, 784, 28, 28]);
    const counts = classCounts(all.y, 10);
    expect(counts.every((c) => c > 800 && c < 1200)).toBe(true);
    let min = Infinity;
    let max = -Infinity;
    for (const v of all.x) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    expect([min, max]).toEqual([0, 1]);
  });

  it('splits into 8,000 train (cap) and 2,000 test digits', () => {
    const { train, test } = mnistSplit(all, 60000, new Rng(1));
    expect([train.n, test.n, train.dim, test.numClasses]).toEqual([8000, 2000, 784, 10]);
    expect(classCounts(test.y, 10).every((c) => c > 100)).toBe(true);
  });
});
