import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

describe('wrangler deploy --dry-run', () => {
  it("bundles the worker with its KV binding, writers' Durable Object and public origin, ready to upload", async () => {
    const outdir = await mkdtemp(join(tmpdir(), 'belarus-release-deploy-'));
    try {
      const { stdout } = await promisify(execFile)('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', outdir], {
        env: { ...process.env, WRANGLER_SEND_METRICS: 'false', WRANGLER_LOG: 'log' },
      });
      expect(stdout).toMatch(/env\.RELEASES \([0-9a-f]{32}\)\s+KV Namespace/);
      // The writers' Durable Object (its class exported by the bundle) and the public origin.
      expect(stdout).toMatch(/env\.WRITER \(DocumentWriter\)\s+Durable Object/);
      expect(stdout).toMatch(/env\.PUBLIC_ORIGIN \("https:\/\/[^"]+"\)\s+Environment Variable/);
      expect(stdout).toContain('--dry-run: exiting now.');
      const bundle = await readFile(join(outdir, 'index.js'), 'utf8');
      // The build-time fallback copy travels inside the bundle.
      expect(bundle).toContain('Belarus frees 123 political prisoners');
      expect(bundle).toMatch(/export\s*\{[^}]*DocumentWriter/);
      // The default link-preview card travels too (a PNG, in base64); the card renderer does not.
      expect(bundle).toContain('"iVBORw0KGgo');
      expect(bundle).not.toMatch(/satori|resvg|fontsource/i);
    } finally {
      await rm(outdir, { recursive: true, force: true });
    }
  });
});
