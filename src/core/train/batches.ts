import type { Rng } from '../rng';

/**
 * Mini-batches without replacement within an epoch: a seeded permutation of the training
 * set is consumed B indices at a time; a new epoch starts when fewer than B remain (the
 * tail is dropped, so every batch has exactly B examples). B may change between calls.
 */
export class BatchStream {
  epoch = 0;
  private order: Int32Array;
  private cursor = 0;

  constructor(
    private readonly n: number,
    private readonly rng: Rng,
  ) {
    this.order = rng.permutation(n);
  }

  next(batch: number): Int32Array {
    const b = Math.min(batch, this.n);
    if (this.cursor + b > this.n) {
      this.order = this.rng.permutation(this.n);
      this.cursor = 0;
      this.epoch++;
    }
    const out = this.order.slice(this.cursor, this.cursor + b);
    this.cursor += b;
    return out;
  }

  /** Fractional epochs completed. */
  progress(): number {
    return this.epoch + this.cursor / this.n;
  }
}
