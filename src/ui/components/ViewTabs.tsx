import { serialize } from '../../core/config/codec';
import type { Config } from '../../core/config/schema';
import { pagePath } from '../shell/address';

/** The sweep a playground's tab opens: this configuration as the base, B on the x axis. */
export const DEFAULT_SWEEP = 'vary=bs:4..64:5';

/** Playground | Sweep: the playground's tab bar (the sweep view draws its own). */
export function ViewTabs({ config }: { config: Config }) {
  const base = serialize({ ...config, view: 'sweep' });
  return (
    <nav className="tabs" aria-label="Views">
      <span aria-current="page" className="tab-current">
        Playground
      </span>
      <a
        href={pagePath(`${base}&${DEFAULT_SWEEP}`)}
        data-testid="tab-sweep"
        title="Many runs as the paper's curves"
      >
        Sweep
      </a>
    </nav>
  );
}
