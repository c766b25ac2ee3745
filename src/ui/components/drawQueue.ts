/**
 * Chart draws wait here and run after animation frames, a few milliseconds of them per task,
 * so that no task has to draw, restyle and lay out every chart at once (a long task) while a
 * run streams reports. Each target keeps only its newest draw: a chart asked to redraw twice
 * before its turn draws once, with the newer data. A draw may return its next part (heavy
 * work split up), which goes to the back of the queue unless a newer draw replaces it first.
 */
export type Draw = () => Draw | void;

/** Script time per task spent on draws; the frame's style and layout of them come after. */
const TASK_BUDGET_MS = 8;

const pending = new Map<object, Draw>();
let scheduled = false;

/** Queues `draw` for `target`, replacing (in its place in the queue) a draw still waiting. */
export function scheduleDraw(target: object, draw: Draw): void {
  pending.set(target, draw);
  if (!scheduled) afterNextFrame(flush);
}

/** What each target's last draw (or part) took, in ms: the estimate of its next one. */
const lastCost = new WeakMap<object, number>();

/** Runs queued draws while the next one, by its last cost, still fits in TASK_BUDGET_MS. */
function flush(): void {
  scheduled = false;
  const start = performance.now();
  let first = true;
  for (const [target, draw] of pending) {
    const spent = performance.now() - start;
    if (!first && spent + (lastCost.get(target) ?? 0) > TASK_BUDGET_MS) break;
    first = false;
    pending.delete(target);
    const t = performance.now();
    const next = draw();
    lastCost.set(target, performance.now() - t);
    if (next) pending.set(target, next);
  }
  if (pending.size) afterNextFrame(flush);
}

/**
 * Runs fn in a task of its own after the next animation frame (so that its style and layout
 * fall in the frame after), or after a zero timeout where there are no frames (tests).
 */
function afterNextFrame(fn: () => void): void {
  scheduled = true;
  if (typeof requestAnimationFrame !== 'function') setTimeout(fn, 0);
  else requestAnimationFrame(() => setTimeout(fn, 0));
}
