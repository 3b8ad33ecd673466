import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_LAUNCH } from './tests/browser.ts';

// The worker tests configure their own ADMIN_TOKEN binding: wrangler's notes about the secrets
// wrangler.toml requires would repeat once per test file.
process.env.WRANGLER_LOG ??= 'error';

export default defineConfig({
  test: {
    projects: [
      {
        // The worker, its store and the schema, inside workerd with real (local) KV.
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: { bindings: { ADMIN_TOKEN: 'test-admin-token' } },
          }),
        ],
        test: {
          name: 'worker',
          include: ['tests/worker/**/*.test.ts'],
          setupFiles: ['tests/worker/setup.ts'],
          // Runs of each property test: short by default, long in `npm run bench:fuzz`.
          provide: { fuzzRuns: Number(process.env.FUZZ_RUNS ?? 30) },
        },
      },
      {
        // Things that need Node: the files on disk, the OpenAPI validator, the deploy bundle,
        // the CLI, and the end-to-end test that drives Chromium against the running worker.
        test: {
          name: 'node',
          include: ['tests/node/**/*.test.ts', 'tests/e2e/**/*.test.ts', 'tests/cli/**/*.test.ts'],
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
            // Failure screenshots would land in the repository; the assertion says what failed.
            screenshotFailures: false,
            provider: playwright({ launchOptions: CHROMIUM_LAUNCH }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
