/**
 * Node-side MNIST loading for the CLI and tests: reads public/data/mnist-10k.bin, running
 * scripts/convert-mnist.mjs first when the file is missing. Decoding lives in src/core.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeMnist, type MnistData } from '../src/core/data/mnist';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const MNIST_BIN_PATH = fileURLToPath(
  new URL('../public/data/mnist-10k.bin', import.meta.url),
);
const CONVERTER = fileURLToPath(new URL('../scripts/convert-mnist.mjs', import.meta.url));

/** Makes sure the binary exists (converting if needed) and returns its path. */
export function ensureMnistFile(): string {
  if (!existsSync(MNIST_BIN_PATH)) {
    execFileSync(process.execPath, [CONVERTER], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
  }
  if (!existsSync(MNIST_BIN_PATH)) {
    throw new Error(`MNIST: ${MNIST_BIN_PATH} is missing and the converter did not create it`);
  }
  return MNIST_BIN_PATH;
}

/** All 10,000 digits, pixels in [0, 1], labels 0..9 (ordered by digit; use mnistSplit). */
export function loadMnist(): MnistData {
  return decodeMnist(readFileSync(ensureMnistFile()));
}
