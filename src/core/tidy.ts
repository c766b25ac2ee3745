import * as tf from '@tensorflow/tfjs-core';

/**
 * tf.tidy for structured results: tensors reachable from the returned object (nested objects
 * and arrays) are kept, every other tensor created inside `fn` is disposed. `fn` must be
 * synchronous (house rule 5).
 */
export function tidy<T>(fn: () => T): T {
  return tf.tidy(fn as unknown as () => tf.TensorContainer) as unknown as T;
}
