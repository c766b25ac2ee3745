import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { InputError } from './args';

/**
 * The backend of a headless run, from the configuration's `backend` key: `auto` is WASM (on
 * fig3-mnist about 14x the CPU backend's steps/s, `npm run bench`), else CPU; `cpu` and
 * `wasm` as asked. WebGPU and WebGL exist only in a browser: an input error.
 */
export async function useNodeBackend(preference: string): Promise<'cpu' | 'wasm'> {
  if (preference === 'webgpu' || preference === 'webgl') {
    throw new InputError(
      `backend=${preference} runs only in a browser; in Node use backend=wasm or backend=cpu`,
    );
  }
  // PROD silences the "install tfjs-node" banner (TFJS-NOTES 10) without IS_TEST's kernel
  // leak checks, which would slow every kernel.
  tf.env().set('PROD', true);
  if (preference !== 'cpu' && (await tf.setBackend('wasm').catch(() => false))) return 'wasm';
  if (preference === 'wasm') throw new Error('the tfjs wasm backend did not start');
  if (!(await tf.setBackend('cpu'))) throw new Error('the tfjs cpu backend did not start');
  return 'cpu';
}

/**
 * Runs a CLI's body and sets the exit code: 0 on success, 2 with one line on stderr for bad
 * input (InputError), 1 with one line for anything unexpected. Never prints a stack trace.
 */
export function runCli(prog: string, body: (argv: readonly string[]) => Promise<void>): void {
  body(process.argv.slice(2)).then(
    () => {
      process.exitCode = 0;
    },
    (e: unknown) => {
      const input = e instanceof InputError;
      const msg = (e instanceof Error ? e.message : String(e)).split('\n')[0];
      process.stderr.write(`${prog}: ${input ? '' : 'internal error: '}${msg}\n`);
      process.exitCode = input ? 2 : 1;
    },
  );
}
