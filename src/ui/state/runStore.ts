import type {
  BackendInfo,
  ClusterView,
  EngineMessage,
  ExplainedStep,
  RunInfo,
  Status,
} from '../../engine/protocol';
import type { EngineEvent, Report } from '../../core/run/records';
import {
  appendEvents,
  appendReports,
  EMPTY_HISTORY,
  NONE_DROPPED,
  type Dropped,
  type ReportHistory,
} from './history';

/** Everything the UI knows about the current run; replaced (never mutated) on each change. */
export interface RunState {
  status: Status;
  step: number;
  stepsPerSecond: number;
  backend: BackendInfo | null;
  problem: RunInfo | null;
  /** The reports kept (history.all): every recent one, older ones decimated (history.ts). */
  reports: readonly Report[];
  history: ReportHistory;
  /** At most MAX_EVENTS events; `eventsDropped` older refreshes or events were let go. */
  events: readonly EngineEvent[];
  eventsDropped: Dropped;
  clusters: ClusterView | null;
  /** The last step taken apart in explained slow motion. */
  explained: ExplainedStep | null;
  error: string | null;
}

export const EMPTY_RUN: RunState = {
  status: 'loading',
  step: 0,
  stepsPerSecond: 0,
  backend: null,
  problem: null,
  reports: [],
  history: EMPTY_HISTORY,
  events: [],
  eventsDropped: NONE_DROPPED,
  clusters: null,
  explained: null,
  error: null,
};

/** Pure reducer: the next state after one engine message. Reports and events only append (bounded: history.ts). */
export function reduceRun(state: RunState, msg: EngineMessage): RunState {
  switch (msg.type) {
    case 'ready':
      return { ...EMPTY_RUN, backend: msg.backend, problem: msg.problem, status: 'paused' };
    case 'backend':
      return { ...state, backend: msg.backend };
    case 'status':
      return { ...state, status: msg.status, step: msg.step, stepsPerSecond: msg.stepsPerSecond };
    case 'reports': {
      const history = appendReports(state.history, msg.reports);
      return { ...state, history, reports: history.all };
    }
    case 'events': {
      const { events, dropped } = appendEvents(state.events, msg.events, state.eventsDropped);
      return { ...state, events, eventsDropped: dropped };
    }
    case 'clusters':
      return { ...state, clusters: msg.view };
    case 'explained':
      return { ...state, explained: msg.explained };
    case 'error':
      return { ...state, error: msg.message, status: 'error' };
    default: {
      const never: never = msg;
      return never;
    }
  }
}

/** Minimum time between UI updates while training (at most 5 renders per second). */
const NOTIFY_MS = 200;

/**
 * A tiny external store for useSyncExternalStore. Messages are reduced as they arrive, but
 * listeners are notified at most every NOTIFY_MS, so a fast run cannot flood the main thread
 * with chart renders (measured in e2e/longtasks.spec.ts).
 */
export class RunStore {
  private state: RunState = EMPTY_RUN;
  private readonly listeners = new Set<() => void>();
  private scheduled = false;
  private lastNotify = 0;

  get = (): RunState => this.state;

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  dispatch(msg: EngineMessage): void {
    this.state = reduceRun(this.state, msg);
    if (this.scheduled) return;
    this.scheduled = true;
    const notify = () => {
      this.scheduled = false;
      this.lastNotify = Date.now();
      for (const fn of this.listeners) fn();
    };
    setTimeout(notify, Math.max(0, this.lastNotify + NOTIFY_MS - Date.now()));
  }

  fail(message: string): void {
    this.dispatch({ type: 'error', message });
  }
}
