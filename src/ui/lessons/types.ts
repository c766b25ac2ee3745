/**
 * What a lesson is made of. Lessons are pure content (strings and functions of the live run),
 * one file per lesson, so the wording is easy to edit and the claims run headless in tests
 * (test/ui/lessons/claims.test.ts). Text may hold inline TeX between `$…$` (typeset by KaTeX in
 * LessonView; a typo fails test/ui/lessons/render.test.tsx).
 */
import type { Config } from '../../core/config/schema';
import type { EngineEvent, Report } from '../../core/run/records';

/** What a lesson reads from the run on screen. */
export interface LiveRun {
  config: Config;
  reports: readonly Report[];
  events: readonly EngineEvent[];
  /** Trainable scalars d (from the engine's problem info); null until known. */
  parameters: number | null;
}

export interface Choice {
  id: string;
  text: string;
}

/** The run's answer to a question: the choice it supports and the numbers that show it. */
export interface Reveal {
  choice: string;
  evidence: string;
}

/**
 * Predict, then reveal: the student commits to a choice, the run goes on (applying `trigger`
 * once it reaches step `at`), and `reveal` reads the answer from the live reports as soon as
 * they can tell. `expected` is what this lesson's setup shows; the claims test checks it over
 * several seeds, so the lesson never promises what the run does not do.
 */
export interface Question {
  prompt: string;
  choices: readonly Choice[];
  expected: string;
  trigger?: { at: number; patch: Partial<Config>; says: string };
  /** Steps after which the reveal must have an answer (the claims test runs this long). */
  within: number;
  reveal(run: LiveRun): Reveal | null;
}

/** A button that changes the live run: a hot patch, or a whole new setup (a URL query). */
export type Action = { label: string; patch: Partial<Config> } | { label: string; query: string };

export interface Formula {
  tex: string;
  /** One sentence saying what it means (may hold inline TeX). */
  caption: string;
}

export interface Lesson {
  slug: string;
  title: string;
  /** One line for the contents menu. */
  summary: string;
  /** The playground setup this lesson uses: a URL query (a preset and/or keys). */
  setup: string;
  /** Where in the paper (Faghri et al. 2020) or elsewhere the facts come from. */
  source: string;
  prose: readonly string[];
  formulas: readonly Formula[];
  question: Question;
  /** Things to try after the question (buttons). */
  actions: readonly Action[];
  /** A sweep that draws this lesson's law over many runs (opens the sweep view). */
  sweep?: { label: string; query: string };
  /** "What to notice": sentences computed from the live numbers (empty until there are any). */
  notice(run: LiveRun): string[];
}
