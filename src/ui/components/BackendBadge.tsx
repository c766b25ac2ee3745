import type { BackendInfo } from '../../engine/protocol';

/** Display names of the backends. */
export const BACKEND_LABEL: Record<BackendInfo['name'], string> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WASM',
  cpu: 'CPU',
};

/** Which backend trains, on which adapter, and why a preferred one was not used. */
export function BackendBadge({ backend }: { backend: BackendInfo | null }) {
  if (!backend) return <span className="badge badge-pending">starting engine…</span>;
  const notes: string[] = [];
  const gpu = backend.name === 'webgpu' || backend.name === 'webgl';
  if (gpu && backend.software) notes.push('software adapter: slower than a real GPU');
  for (const f of backend.fallbacks) notes.push(`${f.backend} unavailable: ${f.reason}`);
  return (
    <span
      className={`badge ${gpu && !backend.software ? 'badge-gpu' : 'badge-slow'}`}
      data-testid="backend-badge"
      title={[backend.adapter, ...notes].join('\n')}
    >
      {BACKEND_LABEL[backend.name]}
      {backend.adapter ? (
        <>
          {' · '}
          <small>{backend.adapter}</small>
        </>
      ) : null}
      {notes.length > 0 ? <small className="badge-note"> · {notes[0]}</small> : null}
    </span>
  );
}
