import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { playwright } from '@vitest/browser-playwright';
import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/** Debian's Chromium (tests/ensure-browser.sh installs it), or the one CHROMIUM_PATH names. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where neither exists, Playwright's own download (elsewhere than these machines). */
const executablePath = existsSync(CHROMIUM) ? { executablePath: CHROMIUM } : {};
/** Without these, Chromium keeps trying to reach Google's hosts, which this machine refuses. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  test: {
    projects: [
      {
        // The worker, its store and the schema, inside workerd with real (local) KV.
        plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' } })],
        test: { name: 'worker', include: ['tests/worker/**/*.test.ts'], setupFiles: ['tests/worker/setup.ts'] },
      },
      {
        // Things that need Node: the files on disk, the OpenAPI validator, the deploy bundle,
        // and the end-to-end test that drives Chromium against the running worker.
        test: {
          name: 'node',
          include: ['tests/node/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The element in real Chromium, fetching from the real worker on 127.0.0.1.
        test: {
          name: 'widget',
          include: ['tests/widget/**/*.test.ts'],
          globalSetup: ['tests/widget/global-setup.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { ...executablePath, args: CHROMIUM_ARGS } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
