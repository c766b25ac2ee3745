import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { parse, serialize, type ConfigProblem } from '../core/config/codec';
import { fieldOf, type Config } from '../core/config/schema';
import { lockPatch } from '../core/train/scaling';
import { useSlowMotion } from './explain/useSlowMotion';
import { withLessonSetup } from './lessons/lessonQuery';
import { addPin, removePin, type Pin } from './pins/pins';
import { useEngine } from './useEngine';

/**
 * Everything the page shows and does, in one place: the configuration (kept in the URL), the
 * engine's run, pinned runs and "predict, then reveal". The layouts only render it.
 */
export function usePlayground() {
  const [query] = useState(() => withLessonSetup(location.search));
  const [initial] = useState(() => parse(query));
  const [config, setConfig] = useState<Config>(initial.config);
  const [preset, setPreset] = useState<string | null>(() =>
    new URLSearchParams(query).get('preset'),
  );
  const [problems, setProblems] = useState(initial.problems);
  const [pins, setPins] = useState<readonly Pin[]>([]);
  const [hiddenAfter, setHiddenAfter] = useState<number | null>(null);
  const { state, send } = useEngine(initial.config);
  const slow = useSlowMotion(send);
  useUrlSync(config);
  useAutoplay(config, state.status, state.backend !== null, send);

  const applyPatch = useCallback(
    (asked: Partial<Config>) => {
      // A batch-size change under the scaling lock carries the scaled lr (the engine would
      // compute the same: lockPatch is pure and idempotent).
      const patch = lockPatch(config, asked);
      setConfig((c) => ({ ...c, ...patch }));
      setPreset(null);
      const run = Object.entries(patch).filter(([k]) => fieldOf(k)?.group !== 'view');
      if (run.length) send({ type: 'set', patch: Object.fromEntries(run) });
    },
    [send, config],
  );
  const change = useCallback(
    (key: keyof Config, value: Config[keyof Config]) => applyPatch({ [key]: value }),
    [applyPatch],
  );
  const restart = useCallback(
    (next: Config, name: string | null, found: ConfigProblem[]) => {
      setConfig(next);
      setPreset(name);
      setProblems(found);
      setHiddenAfter(null);
      send({ type: 'reset', config: next });
    },
    [send],
  );
  const pickPreset = useCallback(
    (name: string) => {
      const next = parse(`preset=${encodeURIComponent(name)}`);
      // The view (lecture, embed, charts, hidden controls) and the backend stay as they were.
      restart({ ...next.config, ...keptAcrossPresets(config) }, name, next.problems);
    },
    [restart, config],
  );
  /**
   * A new run from a URL query (a lesson's setup, a lesson's action): the view settings the
   * query does not give stay as they are, then `overrides` apply.
   */
  const loadQuery = useCallback(
    (query: string, overrides: Partial<Config> = {}) => {
      const next = parse(query);
      const given = new URLSearchParams(query);
      const kept = Object.entries(keptAcrossPresets(config)).filter(([k]) => !given.has(k));
      const merged = { ...next.config, ...Object.fromEntries(kept), ...overrides };
      restart(merged, given.get('preset'), next.problems);
    },
    [restart, config],
  );
  const loadConfig = useCallback(
    (next: Config, found: ConfigProblem[]) => restart(next, null, found),
    [restart],
  );
  const reset = useCallback(() => {
    setHiddenAfter(null);
    send({ type: 'reset', config });
  }, [send, config]);
  const pin = useCallback(
    () => setPins((p) => addPin(p, { config, reports: state.reports, events: state.events })),
    [config, state.reports, state.events],
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
    preset,
    problems,
    state,
    send,
    pins,
    hiddenAfter,
    shownReports,
    change,
    applyPatch,
    pickPreset,
    loadQuery,
    loadConfig,
    reset,
    pin,
    clearPin,
    toggleReveal,
    ...slow,
    dismissProblems: useCallback(() => setProblems([]), []),
  };
}

export type Playground = ReturnType<typeof usePlayground>;

/** View settings (and the backend) that a new setup keeps: the open lesson among them. */
function keptAcrossPresets(c: Config): Partial<Config> {
  const { lecture, embed, charts, hide, backend, lesson } = c;
  return { lecture, embed, charts, hide, backend, lesson };
}

/** The URL always holds the full configuration (replaceState: no history entry per slider). */
function useUrlSync(config: Config): void {
  useEffect(() => {
    const query = serialize(config);
    history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}`);
  }, [config]);
}

/** `autoplay=1`: press play once, as soon as the engine is ready. */
function useAutoplay(
  config: Config,
  status: string,
  ready: boolean,
  send: ReturnType<typeof useEngine>['send'],
): void {
  const done = useRef(false);
  useEffect(() => {
    if (status === 'paused' && config.autoplay && !done.current && ready) {
      done.current = true;
      send({ type: 'play' });
    }
  }, [status, ready, config.autoplay, send]);
}
