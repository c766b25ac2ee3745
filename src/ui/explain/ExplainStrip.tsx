import type { Config } from '../../core/config/schema';
import type { Command } from '../../engine/protocol';
import type { RunState } from '../state/runStore';

export interface ExplainStripProps {
  config: Config;
  state: RunState;
  send: (cmd: Command) => void;
}

/** Explained slow motion: one step at a time, narrated stage by stage. (Being built.) */
export function ExplainStrip(_props: ExplainStripProps) {
  return null;
}
