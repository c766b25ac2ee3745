import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { parse } from '../core/config/codec';
import { PRESETS } from '../core/config/presets';
import { ShortcutHelp } from './components/ShortcutHelp';
import { installGvp } from './gvp';
import type { ShortcutAction } from './keyboard/shortcuts';
import { useShortcuts } from './keyboard/useShortcuts';
import { EmbedView } from './layout/EmbedView';
import { FullView } from './layout/FullView';
import { useCourse, type Course } from './lessons/useCourse';
import { usePlayground, type Playground } from './usePlayground';
import { initialQuery } from './shell/address';

const SweepView = lazy(() => import('./sweep/SweepView').then((m) => ({ default: m.SweepView })));

/** The app shell: the playground, or the sweep view (`view=sweep`, loaded on demand). */
export function App() {
  const [view] = useState(() => parse(initialQuery()).config.view);
  if (view !== 'sweep') return <PlaygroundApp />;
  return (
    <Suspense fallback={<p className="app">Loading the sweep view…</p>}>
      <SweepView />
    </Suspense>
  );
}

/** The playground: state in usePlayground, keyboard shortcuts, and the full or embed layout. */
function PlaygroundApp() {
  const pg = usePlayground();
  const course = useCourse(pg);
  const [help, setHelp] = useState(false);
  const latest = useRef({ pg, course });
  useEffect(() => {
    latest.current = { pg, course };
  });
  useEffect(() => installGvp(window, () => latest.current.pg), []);
  useEffect(() => {
    // Test hook (documented in the README): simulate a lost GPU device.
    Object.assign(window, {
      __gvpSimulateDeviceLoss: () => latest.current.pg.engine.simulateDeviceLoss(),
    });
  }, []);
  const onShortcut = useCallback((a: ShortcutAction) => {
    if (a.id === 'help') setHelp((h) => !h);
    else act(latest.current.pg, latest.current.course, a);
  }, []);
  const inLesson = course.lesson !== null && !pg.config.embed;
  useShortcuts(onShortcut, { lesson: inLesson, lecture: pg.config.lecture });
  return (
    <>
      {pg.config.embed ? (
        <EmbedView pg={pg} />
      ) : (
        <FullView pg={pg} course={course} onHelp={() => setHelp(true)} />
      )}
      <ShortcutHelp open={help} onClose={() => setHelp(false)} lecture={pg.config.lecture} />
    </>
  );
}

/** What each shortcut does (the keys themselves are in keyboard/shortcuts.ts). */
function act(pg: Playground, course: Course, a: Exclude<ShortcutAction, { id: 'help' }>): void {
  const { status } = pg.state;
  switch (a.id) {
    case 'playPause':
      if (status === 'playing') pg.engine.pause();
      else if (status === 'paused') pg.engine.play();
      return;
    case 'step':
      if (status === 'paused') pg.step(a.count);
      return;
    case 'reset':
      return pg.reset();
    case 'preset': {
      const preset = PRESETS[a.index];
      if (preset) pg.pickPreset(preset.name);
      return;
    }
    case 'lecture':
      return pg.change('lecture', !pg.config.lecture);
    case 'pin':
      return pg.pin();
    case 'reveal':
      return pg.toggleReveal();
    case 'lesson': {
      const next = course.index + a.delta;
      if (next >= 1 && next <= course.count) course.open(next);
      return;
    }
    default: {
      const never: never = a;
      return never;
    }
  }
}
