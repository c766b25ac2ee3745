/**
 * The batch-size scaling lock and SGD's temperature (lessons: "Temperature"). Pure functions of
 * the configuration; the engine applies lockPatch wherever `bs` changes.
 */
import { fieldOf, type Config } from '../config/schema';

/** off, linear (η ∝ B) or sqrt (η ∝ √B): LOCKS in the schema. */
export type Lock = Config['lock'];

/**
 * η after B changes from `from` to `to` under a lock: linear keeps η/B fixed (η ∝ B), sqrt
 * keeps η/√B fixed (η ∝ √B), off leaves η alone.
 */
export function scaledLr(lock: Lock, lr: number, from: number, to: number): number {
  switch (lock) {
    case 'off':
      return lr;
    case 'linear':
      return (lr * to) / from;
    case 'sqrt':
      return lr * Math.sqrt(to / from);
  }
}

/**
 * The patch to apply when `patch` is applied to `config`: with the lock on (the patch's lock,
 * else the config's) and B changing, η is scaled with it (scaledLr), clamped to lr's range and
 * rounded to 4 significant digits (the URL keeps it short). A patch that sets lr itself keeps
 * that lr, so applying lockPatch twice changes nothing.
 */
export function lockPatch(config: Config, patch: Partial<Config>): Partial<Config> {
  const lock = patch.lock ?? config.lock;
  if (lock === 'off' || patch.bs === undefined || patch.bs === config.bs) return patch;
  if (patch.lr !== undefined) return patch;
  const f = fieldOf('lr') as { min: number; max: number };
  const lr = scaledLr(lock, config.lr, config.bs, patch.bs);
  const clamped = Math.min(f.max, Math.max(f.min, Number(lr.toPrecision(4))));
  return { ...patch, lr: clamped };
}

/**
 * SGD's temperature, the scale of its noise: η/B, and with heavy-ball momentum μ the
 * effective step η/(1 − μ) over B, i.e. η/(B(1 − μ)). Adam has no such simple temperature
 * (its steps are normalised per coordinate): null there.
 */
export function temperature(c: Pick<Config, 'lr' | 'bs' | 'mom' | 'opt'>): {
  perBatch: number;
  withMomentum: number;
} | null {
  if (c.opt !== 'sgd') return null;
  const perBatch = c.lr / c.bs;
  return { perBatch, withMomentum: perBatch / (1 - c.mom) };
}
