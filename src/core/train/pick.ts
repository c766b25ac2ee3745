import type { Network } from '../model/build';
import { Adam } from './adam';
import type { Hyper, Optimiser, OptimiserKind } from './optimiser';
import { Sgd } from './sgd';

/** The optimiser a configuration names (`opt=sgd|adam`), with fresh state. */
export function makeOptimiser(kind: OptimiserKind, net: Network, hyper: Hyper): Optimiser {
  switch (kind) {
    case 'sgd':
      return new Sgd(net, hyper);
    case 'adam':
      return new Adam(net, hyper);
    default: {
      const never: never = kind;
      throw new Error(`unknown optimiser ${String(never)}`);
    }
  }
}
