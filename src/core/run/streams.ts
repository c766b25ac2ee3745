import { Rng } from '../rng';

/** Seeds of the independent random streams of one run, all derived from config.seed. */
export function streams(seed: number) {
  const root = new Rng(seed);
  return {
    data: root.fork(),
    test: root.fork(),
    dup: root.fork(),
    noise: root.fork(),
    pool: root.fork(),
    init: root.fork(),
    batches: root.fork(),
    gc: root.fork(),
    sampled: root.fork(),
  };
}
