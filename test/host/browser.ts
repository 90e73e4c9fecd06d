/** Debian's Chromium, headless, driven by playwright-core (no browser download). */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { isolatedEnv } from './codeServer';

export const CHROMIUM = process.env['BLUEJAY_CHROMIUM'] ?? '/usr/bin/chromium';

export async function launchBrowser(root: string, viewport = { width: 1400, height: 900 }): Promise<BrowserContext> {
  const profile = join(root, 'chromium-profile');
  mkdirSync(profile, { recursive: true });
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    env: isolatedEnv(join(root, 'chromium')),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
