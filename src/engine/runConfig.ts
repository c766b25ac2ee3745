import type { ConfigProblem } from '../core/config/codec';
import { applyPatch, checkConfig } from '../core/config/patch';
import { withChange } from '../core/config/schedule';
import { isHot, type Config } from '../core/config/schema';
import { lockPatch } from '../core/train/scaling';
import type { EngineMessage } from './protocol';

/**
 * The engine's record of the run's configuration (house rule 11: the engine owns it): what is
 * in effect now, what the run started from with its change schedule (what Reset and a shared
 * link replay), and the last configuration command applied (echoed so the UI can drop its
 * pending edits). Every value from outside is checked as the URL would check it.
 */
export class RunConfig {
  /** In effect now (hot changes included); null before the first run. */
  current: Config | null = null;
  /** The run's start with its change schedule. */
  start: Config | null = null;
  seq = 0;

  /** A whole configuration from outside (init, load), checked. */
  load(raw: Config, seq: number): { config: Config; problems: ConfigProblem[] } {
    this.seq = seq;
    return checkConfig(raw);
  }

  /**
   * A patch applied to what is in effect (under the scaling lock a batch-size change carries
   * the scaled lr). `cold` lists the changed fields that need a new run; for those, `restart`
   * is the new run's start: what is in effect now, without the old run's schedule.
   */
  patch(patch: Partial<Config>, seq: number) {
    this.seq = seq;
    const now = this.current!;
    const { config, problems, changed } = applyPatch(now, lockPatch(now, patch));
    const cold = changed.filter((k) => !isHot(k));
    const restart = { ...config, at: cold.includes('at') ? config.at : [] };
    return { config, problems, changed, cold, restart };
  }

  /** A new run began with `config` (as its session applies it). */
  began(config: Config): void {
    this.current = config;
    this.start = config;
  }

  /** A hot change took the run from `before` to `after` at `step`: recorded in the start. */
  changed(before: Config, after: Config, step: number): void {
    this.current = after;
    this.start = withChange(this.start!, before, after, step);
  }

  /** The session applied scheduled changes; true when the configuration in effect changed. */
  follow(config: Config): boolean {
    if (config === this.current) return false;
    this.current = config;
    return true;
  }

  /** The echo of the configuration (and what was not taken as given). */
  echo(problems: ConfigProblem[] = [], config = this.current!, start = this.start!): EngineMessage {
    return { type: 'config', config, start, problems, seq: this.seq };
  }
}
