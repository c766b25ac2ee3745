import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { parseSweep, serializeSweep, type SweepView } from '../../core/sweep/codec';
import { expandSweep } from '../../core/sweep/expand';
import { sweepPoints } from '../../core/sweep/points';
import { sweepPreset } from '../../core/sweep/presets';
import type { SweepSpec } from '../../core/sweep/spec';
import { SweepPool } from '../../engine/sweepClient';
import { absoluteUrl, initialQuery, showQuery } from '../shell/address';
import { MNIST_URL } from '../useEngine';
import { draftOf, draftQuery, type SweepDraft } from './draft';
import { cancelled, IDLE, replied, started, type SweepState } from './sweepStore';

/** The preset named in the page's address, if it is a sweep preset. */
function presetInAddress(query: string): string | null {
  const name = /(?:^|[?&])preset=([^&]*)/.exec(query)?.[1];
  return name && sweepPreset(decodeURIComponent(name)) ? decodeURIComponent(name) : null;
}

/**
 * Everything the sweep view shows and does: the form (kept in the URL), the runs streaming in
 * from a pool of sweep workers, the points, and the plot's choices.
 */
export function useSweep() {
  const [initial] = useState(() => parseSweep(initialQuery()));
  const [draft, setDraft] = useState<SweepDraft>(() => draftOf(initial.spec));
  const [view, setView] = useState<SweepView>(initial.view);
  const [preset, setPreset] = useState<string | null>(() => presetInAddress(initialQuery()));
  const [state, setState] = useState<SweepState>(IDLE);
  const [runProblems, setRunProblems] = useState<string[]>([]);
  /** The sweep that was run (the form may have changed since). */
  const [ran, setRan] = useState<SweepSpec | null>(null);
  const pool = useRef<SweepPool | null>(null);
  const parsed = useMemo(() => parseSweep(draftQuery(draft)), [draft]);
  useEffect(() => showQuery(serializeSweep(parsed.spec, view)), [parsed, view]);
  useEffect(() => () => pool.current?.cancel(), []);

  const edit = useCallback((patch: Partial<SweepDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setPreset(null);
  }, []);
  const pickPreset = useCallback((name: string) => {
    const p = parseSweep(`preset=${encodeURIComponent(name)}`);
    setDraft(draftOf(p.spec));
    setView(p.view);
    setPreset(name);
  }, []);
  const cancel = useCallback(() => {
    pool.current?.cancel();
    pool.current = null;
    setState((s) => cancelled(s, performance.now()));
  }, []);
  const start = useCallback(() => {
    pool.current?.cancel();
    const { runs, problems } = expandSweep(parsed.spec);
    setRunProblems(problems);
    setRan(parsed.spec);
    const jobs = runs.map((r) => ({ index: r.index, config: r.config }));
    const onReply = (reply: Parameters<typeof replied>[1]) =>
      setState((s) => replied(s, reply, performance.now()));
    pool.current = runs.length ? new SweepPool(jobs, absoluteUrl(MNIST_URL), onReply) : null;
    setState(started(runs, pool.current?.size ?? 0, performance.now()));
  }, [parsed]);
  const keys = useMemo(
    () => (state.runs[0] ? Object.keys(state.runs[0].varied) : []),
    [state.runs],
  );
  const points = useMemo(() => sweepPoints(keys, state.results), [keys, state.results]);
  return {
    draft,
    edit,
    spec: parsed.spec,
    problems: [...parsed.problems.map((p) => p.message), ...runProblems],
    view,
    setView,
    preset,
    pickPreset,
    state,
    ran,
    keys,
    points,
    start,
    cancel,
  };
}

export type Sweep = ReturnType<typeof useSweep>;
