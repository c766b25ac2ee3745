/**
 * What identifies this device for the backend plan (backend/backendPlan.ts): the browser, the
 * core count and the GPU the WebGL renderer names. A new GPU, driver or browser gives a new
 * key, so the backends are measured again. Synchronous, so the engine can start at once.
 */
export function deviceKey(): string {
  return [navigator.userAgent, navigator.hardwareConcurrency, webglRenderer()].join(' | ');
}

function webglRenderer(): string {
  try {
    const gl = document.createElement('canvas').getContext('webgl');
    if (!gl) return 'no webgl';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext(); // do not keep a context alive
    return name;
  } catch {
    return 'unknown';
  }
}
