/**
 * MNIST digits from the compact binary written by scripts/convert-mnist.mjs:
 *   bytes 0..3   magic "MNB1"
 *   bytes 4..15  count, rows, cols as little-endian uint32
 *   then count*rows*cols uint8 pixels (image-major, row-major within an image, 0..255)
 *   then count uint8 labels (0..9)
 * Total size: 16 + count * (rows*cols + 1) bytes. Pixels decode to p / 255 in [0, 1].
 */
import type { Rng } from '../rng';
import { type Dataset, assertInt, subset } from './dataset';

export const MNIST_MAGIC = 'MNB1';
export const MNIST_HEADER_BYTES = 16;
export const MNIST_CLASSES = 10;

export interface MnistData extends Dataset {
  rows: number;
  cols: number;
}

function asBytes(buffer: ArrayBuffer | Uint8Array): Uint8Array {
  return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
}

function readHeader(bytes: Uint8Array): { count: number; rows: number; cols: number } {
  if (bytes.length < MNIST_HEADER_BYTES) {
    throw new Error(`MNIST: file too short for its header (${bytes.length} < 16 bytes)`);
  }
  const magic = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
  if (magic !== MNIST_MAGIC) {
    throw new Error(`MNIST: bad magic ${JSON.stringify(magic)}, expected "${MNIST_MAGIC}"`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, MNIST_HEADER_BYTES);
  const count = view.getUint32(4, true);
  const rows = view.getUint32(8, true);
  const cols = view.getUint32(12, true);
  if (count === 0 || rows === 0 || cols === 0) {
    throw new Error(`MNIST: empty header (count ${count}, rows ${rows}, cols ${cols})`);
  }
  return { count, rows, cols };
}

/** Parses and validates the binary; throws an Error naming the problem. */
export function decodeMnist(buffer: ArrayBuffer | Uint8Array): MnistData {
  const bytes = asBytes(buffer);
  const { count, rows, cols } = readHeader(bytes);
  const dim = rows * cols;
  const expected = MNIST_HEADER_BYTES + count * (dim + 1);
  if (bytes.length !== expected) {
    throw new Error(
      `MNIST: size mismatch: header says ${count} images of ${rows}x${cols}, ` +
        `so ${expected} bytes, but got ${bytes.length}`,
    );
  }
  const x = new Float32Array(count * dim);
  const px = bytes.subarray(MNIST_HEADER_BYTES, MNIST_HEADER_BYTES + count * dim);
  for (let k = 0; k < x.length; k++) x[k] = px[k] / 255;
  const labels = bytes.subarray(MNIST_HEADER_BYTES + count * dim);
  const y = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    if (labels[i] >= MNIST_CLASSES) throw new Error(`MNIST: label ${i} is ${labels[i]}, not 0..9`);
    y[i] = labels[i];
  }
  return { x, y, n: count, dim, numClasses: MNIST_CLASSES, name: 'mnist', rows, cols };
}

/** The inverse of decodeMnist for raw bytes (tests, tools): header + pixels + labels. */
export function encodeMnist(
  pixels: Uint8Array,
  labels: Uint8Array,
  rows: number,
  cols: number,
): Uint8Array {
  const count = labels.length;
  if (pixels.length !== count * rows * cols) {
    throw new Error(`MNIST: ${pixels.length} pixels for ${count} images of ${rows}x${cols}`);
  }
  const out = new Uint8Array(MNIST_HEADER_BYTES + pixels.length + count);
  for (let c = 0; c < 4; c++) out[c] = MNIST_MAGIC.charCodeAt(c);
  const view = new DataView(out.buffer);
  view.setUint32(4, count, true);
  view.setUint32(8, rows, true);
  view.setUint32(12, cols, true);
  out.set(pixels, MNIST_HEADER_BYTES);
  out.set(labels, MNIST_HEADER_BYTES + pixels.length);
  return out;
}

/** Held-out test size: round(total / 5) (2,000 of the 10,000 digits). */
export function mnistTestSize(total: number): number {
  return Math.round(total / 5);
}

/** Largest training set mnistSplit can return: total - test size (8,000 of 10,000). */
export function mnistMaxTrain(total: number): number {
  return total - mnistTestSize(total);
}

/**
 * Seeded split: one permutation π of 0..total-1; test = the last mnistTestSize(total) of π,
 * train = the first min(nTrain, mnistMaxTrain(total)) of π. The test set depends only on the
 * seed, not on nTrain, and never overlaps the training set.
 */
export function mnistSplit(
  all: Dataset,
  nTrain: number,
  rng: Rng,
): { train: Dataset; test: Dataset } {
  assertInt(nTrain, 'MNIST nTrain', 1);
  const perm = rng.permutation(all.n);
  const nTest = mnistTestSize(all.n);
  const trainSize = Math.min(nTrain, all.n - nTest);
  return {
    train: subset(all, perm.subarray(0, trainSize), 'mnist-train'),
    test: subset(all, perm.subarray(all.n - nTest), 'mnist-test'),
  };
}
