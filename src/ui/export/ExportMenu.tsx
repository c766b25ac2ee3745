import type { Config } from '../../core/config/schema';
import type { Problem } from '../../core/config/codec';
import type { RunState } from '../state/runStore';

export interface ExportMenuProps {
  config: Config;
  preset: string | null;
  state: RunState;
  /** A configuration loaded from a file (already schema-checked), with its problems. */
  onLoadConfig: (config: Config, problems: Problem[]) => void;
}

/** Export metrics, charts and the configuration; load a configuration file. (Being built.) */
export function ExportMenu(_props: ExportMenuProps) {
  return null;
}
