import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { parse, serialize, type ConfigProblem } from '../core/config/codec';
import { presetChanges, presetQuery } from '../core/config/presetChanges';
import { PRESETS } from '../core/config/presets';
import { FIELDS, fieldOf, type Config } from '../core/config/schema';
import { useSlowMotion } from './explain/useSlowMotion';
import { addPin, removePin, type Pin } from './pins/pins';
import { withLessonSetup } from './lessons/lessonQuery';
import { initialQuery, showQuery } from './shell/address';
import { initialPlan, useBackendPlan } from './backend/useBackendPlan';
import { useEngine } from './useEngine';

/** The fields the UI owns (how the page looks); every other field is the engine's. */
const VIEW_KEYS = FIELDS.filter((f) => f.group === 'view').map((f) => f.key);
type ViewFields = Partial<Config>;

function viewOf(config: Config): ViewFields {
  return Object.fromEntries(VIEW_KEYS.map((k) => [k, config[k]])) as ViewFields;
}

/** An edit sent to the engine and not yet echoed back (shown meanwhile, so nothing jumps). */
interface PendingEdit {
  seq: number;
  patch: Partial<Config>;
}

/**
 * Everything the page shows and does, in one place. The engine owns the run's configuration:
 * edits go to it as intents and the page renders what it echoes (plus the edits still in
 * flight); the page keeps only the view fields, pinned runs and "predict, then reveal". The
 * URL always shows the whole configuration. The layouts only render this.
 */
export function usePlayground() {
  // A URL naming only a lesson (and view keys) opens the lesson with its setup.
  const [query] = useState(() => withLessonSetup(initialQuery()));
  const [initial] = useState(() => parse(query));
  const [view, setView] = useState<ViewFields>(() => viewOf(initial.config));
  const [pending, setPending] = useState<readonly PendingEdit[]>([]);
  const [preset, setPreset] = useState<string | null>(() => knownPreset(query));
  const [problems, setProblems] = useState<readonly ConfigProblem[]>(initial.problems);
  const [pins, setPins] = useState<readonly Pin[]>([]);
  const [hiddenAfter, setHiddenAfter] = useState<number | null>(null);
  const [firstPlan] = useState(initialPlan);
  const { state, engine } = useEngine(initial.config, firstPlan.plan);
  const backendPlan = useBackendPlan(
    firstPlan,
    state.backend !== null,
    state.config?.backend === 'auto',
    engine.replan,
  );
  const slow = useSlowMotion(engine);
  const config = useMemo<Config>(() => {
    const live = pending.filter((e) => e.seq > state.seq).map((e) => e.patch);
    return Object.assign({}, state.config ?? initial.config, ...live, view);
  }, [state.config, state.seq, initial.config, pending, view]);
  // The address holds what replays the run: its start, its change schedule, and the view.
  const replay = useMemo<Config>(
    () => (state.start ? { ...state.start, ...view } : config),
    [state.start, view, config],
  );
  // A preset stays named in the address (its caption survives a reload) with what was changed.
  useEffect(
    () => showQuery(preset ? presetQuery(preset, replay) : serialize(replay)),
    [preset, replay],
  );
  const modified = useMemo(() => (preset ? presetChanges(preset, config) : []), [preset, config]);
  useEngineProblems(state.configProblems, setProblems);
  useAutoplay(config.autoplay === true, state.status, engine.play);

  const echoed = state.seq;
  const edit = useCallback(
    (seq: number, patch: Partial<Config>) =>
      setPending((p) => [...p.filter((e) => e.seq > echoed), { seq, patch }]),
    [echoed],
  );

  const change = useCallback(
    (key: keyof Config, value: Config[keyof Config]) => {
      if (fieldOf(key)?.group === 'view') return setView((v) => ({ ...v, [key]: value }));
      // A preset stays the preset, "modified" (presetChanges lists what differs).
      const patch = { [key]: value } as Partial<Config>;
      edit(engine.set(patch), patch);
    },
    [engine, edit],
  );
  /** Several fields at once (a lesson's action or trigger): view fields here, the rest to the engine. */
  const applyPatch = useCallback(
    (patch: Partial<Config>) => {
      const entries = Object.entries(patch);
      const isView = ([k]: [string, unknown]) => fieldOf(k)?.group === 'view';
      const viewPart = Object.fromEntries(entries.filter(isView)) as ViewFields;
      const run = Object.fromEntries(entries.filter((e) => !isView(e))) as Partial<Config>;
      if (entries.some(isView)) setView((v) => ({ ...v, ...viewPart }));
      if (Object.keys(run).length === 0) return;
      edit(engine.set(run), run);
    },
    [engine, edit],
  );
  /** A whole new configuration (preset, file); the view keeps what is given in `viewPart`. */
  const replace = useCallback(
    (next: Config, name: string | null, found: readonly ConfigProblem[], viewPart: ViewFields) => {
      const whole = { ...next, ...viewPart };
      setView(viewOf(whole));
      setPreset(name);
      setProblems(found);
      setHiddenAfter(null);
      edit(engine.load(whole), whole);
    },
    [engine, edit],
  );
  const pickPreset = useCallback(
    (name: string) => {
      const next = parse(`preset=${encodeURIComponent(name)}`);
      // The view (lecture, embed, charts, hidden controls) and the backend stay as they were.
      replace(next.config, name, next.problems, { ...view, backend: config.backend });
    },
    [replace, view, config.backend],
  );
  /**
   * A new run from a URL query (a lesson's setup or action): view fields and the backend the
   * query does not give stay as they are, then `overrides` apply.
   */
  const loadQuery = useCallback(
    (query: string, overrides: ViewFields = {}) => {
      const next = parse(query);
      const given = new URLSearchParams(query);
      const kept = Object.entries({ ...view, backend: config.backend }).filter(
        ([k]) => !given.has(k),
      );
      const viewPart = { ...viewOf(next.config), ...Object.fromEntries(kept), ...overrides };
      replace(next.config, knownPreset(query), next.problems, viewPart);
    },
    [replace, view, config.backend],
  );
  const loadConfig = useCallback(
    (next: Config, found: ConfigProblem[]) => replace(next, null, found, viewOf(next)),
    [replace],
  );
  /** A new run from the settings in effect now, without the recorded change schedule. */
  const startAfresh = useCallback(
    () => replace({ ...config, at: [] }, preset, [], view),
    [replace, config, view, preset],
  );
  const reset = useCallback(() => {
    setHiddenAfter(null);
    // A run that failed or an engine that stopped answering gets a fresh engine.
    if (state.status === 'error' || state.unresponsive) engine.restart(config);
    else engine.reset();
  }, [engine, config, state.status, state.unresponsive]);
  const pin = useCallback(
    () =>
      setPins((p) =>
        addPin(p, { config, reports: state.reports, events: state.events, info: state.info }),
      ),
    [config, state.reports, state.events, state.info],
  );
  const clearPin = useCallback((id: number) => setPins((p) => removePin(p, id)), []);
  const toggleReveal = useCallback(
    () => setHiddenAfter((h) => (h === null ? (state.reports.at(-1)?.step ?? 0) : null)),
    [state.reports],
  );
  const shownReports = useMemo(
    () =>
      hiddenAfter === null ? state.reports : state.reports.filter((r) => r.step <= hiddenAfter),
    [state.reports, hiddenAfter],
  );
  return {
    config,
    backendPlan,
    preset,
    /** The run settings changed from the preset's (empty when unmodified or no preset). */
    presetChanges: modified,
    problems,
    state,
    engine,
    pins,
    hiddenAfter,
    shownReports,
    change,
    applyPatch,
    pickPreset,
    loadQuery,
    loadConfig,
    startAfresh,
    reset,
    pin,
    clearPin,
    toggleReveal,
    ...slow,
    dismissProblems: useCallback(() => setProblems([]), []),
  };
}

export type Playground = ReturnType<typeof usePlayground>;

/** The URL's `preset=` when it names a preset; anything else is not a preset (and not shown). */
function knownPreset(search: string): string | null {
  const name = new URLSearchParams(search).get('preset');
  return PRESETS.some((p) => p.name === name) ? name : null;
}

/** What the engine did not take as given joins the problems notice. */
function useEngineProblems(
  found: readonly ConfigProblem[],
  setProblems: (f: (p: readonly ConfigProblem[]) => readonly ConfigProblem[]) => void,
): void {
  useEffect(() => {
    if (found.length) setProblems((p) => [...p, ...found]);
  }, [found, setProblems]);
}

/** `autoplay=1`: press play once, as soon as the engine is ready. */
function useAutoplay(autoplay: boolean, status: string, play: () => void): void {
  const done = useRef(false);
  useEffect(() => {
    if (status === 'paused' && autoplay && !done.current) {
      done.current = true;
      play();
    }
  }, [status, autoplay, play]);
}
