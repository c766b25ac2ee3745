import { PRESETS } from '../../core/config/presets';
import { PresetThumb } from './PresetThumb';

interface Props {
  onStartCourse: () => void;
  onPreset: (name: string) => void;
  onDismiss: () => void;
}

/** The first-visit panel: start the course, or open one of the paper's figures. */
export function Landing({ onStartCourse, onPreset, onDismiss }: Props) {
  return (
    <section className="landing" aria-labelledby="landing-title" data-testid="landing">
      <div className="landing-head">
        <h2 id="landing-title">Learn how noisy a mini-batch gradient is</h2>
        <button type="button" onClick={onDismiss} data-testid="landing-dismiss">
          Just explore
        </button>
      </div>
      <p>
        A guided course of seven short lessons, each with live training runs, formulas and a
        question to predict before the run answers it. Or start from one of the paper’s figures.
      </p>
      <button
        type="button"
        className="primary"
        onClick={onStartCourse}
        data-testid="landing-course"
      >
        Start the course
      </button>
      <ul className="cards">
        {PRESETS.map((p) => (
          <li key={p.name}>
            <button
              type="button"
              className="card"
              onClick={() => onPreset(p.name)}
              data-testid={`card-${p.name}`}
              title={p.claim}
            >
              <PresetThumb preset={p} />
              <span className="card-title">{p.title}</span>
              <span className="card-claim">{p.claim}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
