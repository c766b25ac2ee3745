import type { ConfigProblem } from '../../core/config/codec';
import type { Config } from '../../core/config/schema';
import type {
  BackendInfo,
  ClusterView,
  EngineMessage,
  ExplainedStep,
  PlaneView,
  RunInfo,
  Status,
  TensorMemory,
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
  /** The configuration the engine runs (its echo; null until the first run is ready). */
  config: Config | null;
  /** The run's starting configuration with its change schedule: what a link replays. */
  start: Config | null;
  /** The last configuration command the engine has applied (see EngineClient.set/load). */
  seq: number;
  /** What the engine did not take as given in the last configuration it applied. */
  configProblems: readonly ConfigProblem[];
  status: Status;
  step: number;
  stepsPerSecond: number;
  /** While a new run compiles its kernels: what for (e.g. 'first measurement'), else null. */
  warming: string | null;
  /** The step a slow measurement under way measures, else null. */
  measuring: number | null;
  backend: BackendInfo | null;
  info: RunInfo | null;
  /** The reports kept (history.all): every recent one, older ones decimated (history.ts). */
  reports: readonly Report[];
  history: ReportHistory;
  /** At most MAX_EVENTS events; `eventsDropped` older refreshes or events were let go. */
  events: readonly EngineEvent[];
  eventsDropped: Dropped;
  clusters: ClusterView | null;
  /** 2-D data: the plane as the run started, shown until the first cluster view. */
  plane: PlaneView | null;
  /** The last step taken apart in explained slow motion. */
  explained: ExplainedStep | null;
  error: string | null;
  /** Why the engine seems gone (it crashed, or stopped answering), or null. */
  unresponsive: string | null;
  /** The worker's live tensors at the last answered ping (gvp.engineMemory, the soak). */
  engineMemory: (TensorMemory & { id: number }) | null;
}

export const EMPTY_RUN: RunState = {
  config: null,
  start: null,
  seq: 0,
  configProblems: [],
  status: 'loading',
  step: 0,
  stepsPerSecond: 0,
  warming: null,
  measuring: null,
  backend: null,
  info: null,
  reports: [],
  history: EMPTY_HISTORY,
  events: [],
  eventsDropped: NONE_DROPPED,
  clusters: null,
  plane: null,
  explained: null,
  error: null,
  unresponsive: null,
  engineMemory: null,
};

/** Pure reducer: the next state after one engine message. Reports and events only append (bounded: history.ts). */
export function reduceRun(state: RunState, msg: EngineMessage): RunState {
  switch (msg.type) {
    case 'ready':
      return {
        ...EMPTY_RUN,
        config: msg.config,
        start: msg.start,
        seq: msg.seq,
        configProblems: state.seq === msg.seq ? state.configProblems : [],
        backend: msg.backend,
        info: msg.info,
        status: 'paused',
      };
    case 'config':
      return {
        ...state,
        config: msg.config,
        start: msg.start,
        seq: msg.seq,
        configProblems: msg.problems,
      };
    case 'backend':
      return { ...state, backend: msg.backend };
    case 'status':
      return {
        ...state,
        status: msg.status,
        step: msg.step,
        stepsPerSecond: msg.stepsPerSecond,
        warming: msg.warming ?? null,
        measuring: msg.measuring ?? null,
      };
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
    case 'plane':
      return { ...state, plane: msg.view };
    case 'explained':
      return { ...state, explained: msg.explained };
    case 'error':
      return { ...state, error: msg.message, status: 'error' };
    case 'pong':
      return msg.memory ? { ...state, engineMemory: { ...msg.memory, id: msg.id } } : state;
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

  /** A new engine replaces the old one: everything of the old run is gone. */
  restart(): void {
    this.state = { ...EMPTY_RUN };
    for (const fn of this.listeners) fn();
  }

  /** The engine crashed or stopped answering (null: it is back). */
  setUnresponsive(reason: string | null): void {
    this.state = { ...this.state, unresponsive: reason };
    for (const fn of this.listeners) fn();
  }
}
