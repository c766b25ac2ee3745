import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Chromium flags for headless runs here: no network chatter, WebGPU on SwiftShader. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
  '--enable-unsafe-webgpu',
  '--enable-unsafe-swiftshader',
];

/** Playwright's own Chromium when it was downloaded, else the system one (Debian). */
export function chromiumPath(): string | undefined {
  return existsSync(chromium.executablePath()) ? undefined : '/usr/bin/chromium';
}
