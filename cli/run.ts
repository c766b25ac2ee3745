import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { InputError } from './args';

/** Starts the tfjs CPU backend for a CLI, without the Node banner. */
export async function useCpuBackend(): Promise<void> {
  tf.env().set('IS_TEST', true);
  if (!(await tf.setBackend('cpu'))) throw new Error('the tfjs cpu backend did not start');
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
