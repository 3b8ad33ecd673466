/**
 * What can be checked of a deployment without Cloudflare: every environment of wrangler.toml
 * bundles (`wrangler deploy --dry-run`), the workflows pass a workflow linter, and the deploy
 * script refuses, before reaching anything, an environment or a run that is not ready.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = (file: string, args: string[], env: Record<string, string | undefined> = {}) =>
  promisify(execFile)(file, args, { env: { ...process.env, WRANGLER_SEND_METRICS: 'false', ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ ...error }),
  );

describe('wrangler deploy --dry-run', () => {
  const environments: [env: string, kvId: RegExp, origin: RegExp][] = [
    ['', /[0-9a-f]{32}/, /https:\/\/facts\.example/],
    ['staging', /PLACEHOLDER-staging-kv-namespace-id/, /https:\/\/belarus-release-staging\./],
    ['production', /PLACEHOLDER-production-kv-namespace-id/, /https:\/\/PLACEHOLDER\.facts\./],
  ];
  for (const [env, kvId, origin] of environments) {
    it(`bundles ${env ? `the ${env} environment` : 'the top level'} with its own KV namespace, writers and origin`, async () => {
      const outdir = await mkdtemp(join(tmpdir(), 'belarus-release-deploy-'));
      try {
        const args = ['wrangler', 'deploy', `--env=${env}`, '--dry-run', '--outdir', outdir];
        const { code, stdout, stderr } = await run('npx', args, { WRANGLER_LOG: 'log' });
        expect(code, stderr).toBe(0);
        expect(stdout).toMatch(new RegExp(`env\\.RELEASES \\(${kvId.source}\\)\\s+KV Namespace`));
        // The Durable Objects (their classes exported by the bundle) and the public origin.
        expect(stdout).toMatch(/env\.WRITER \(DocumentWriter\)\s+Durable Object/);
        expect(stdout).toMatch(/env\.CHANGES \(RecentChanges\)\s+Durable Object/);
        expect(stdout).toMatch(new RegExp(`env\\.PUBLIC_ORIGIN \\("${origin.source}[^"]*"\\)\\s+Environment Variable`));
        // The static assets travel beside the worker: the element, the iframe script, 5 label files, _headers.
        expect(stdout).toMatch(/Read \d+ files from the assets directory \S+dist\/assets/);
        expect(stdout).toContain('--dry-run: exiting now.');
        const bundle = await readFile(join(outdir, 'index.js'), 'utf8');
        // The build-time fallback copy travels inside the bundle.
        expect(bundle).toContain('Belarus frees 123 political prisoners');
        expect(bundle).toMatch(/export\s*\{[^}]*DocumentWriter/);
        expect(bundle).toMatch(/export\s*\{[^}]*RecentChanges/);
        // The default link-preview card travels too (a PNG, in base64); the card renderer does not.
        expect(bundle).toContain('"iVBORw0KGgo');
        expect(bundle).not.toMatch(/satori|resvg|fontsource/i);
      } finally {
        await rm(outdir, { recursive: true, force: true });
      }
    });
  }
});

describe('the workflows', () => {
  const WORKFLOWS = new URL('../../.github/workflows/', import.meta.url);

  // `npm run lint:workflows` (part of `npm test`) lints each of them; this shows the linter bites.
  it('are linted for real: a job with a misspelt key fails', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'belarus-release-workflow-'));
    try {
      const broken = (await readFile(new URL('deploy.yml', WORKFLOWS), 'utf8')).replace('runs-on:', 'runs_on:');
      await writeFile(join(dir, 'deploy.yml'), broken);
      const { code, stdout, stderr } = await run('npx', ['action-validator', join(dir, 'deploy.yml')]);
      expect(code).toBe(1);
      expect(stdout + stderr).toContain("Additional property 'runs_on' is not allowed");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('deploy staging, smoke-check it, then production behind its environment, passing secrets as environment only', async () => {
    const deploy = await readFile(new URL('deploy.yml', WORKFLOWS), 'utf8');
    const job = (name: string) => {
      const header = `\n  ${name}:\n`;
      return deploy.slice(deploy.indexOf(header) + header.length).split(/\n {2}\w[\w-]*:\n/)[0]!;
    };
    expect(job('staging')).toMatch(/needs: test\n/);
    expect(job('staging')).toMatch(/bash \.ci\/deploy staging[\s\S]*bash \.ci\/smoke /);
    expect(job('production')).toMatch(/needs: staging\n/);
    expect(job('production')).toMatch(/environment:\n\s+name: production\n/);
    expect(job('production')).toMatch(/bash \.ci\/deploy production[\s\S]*bash \.ci\/smoke /);
    // A secret is only ever the value of an environment variable, never part of a command.
    const uses = deploy.split('\n').filter((line) => line.includes('secrets.'));
    expect(uses.length).toBeGreaterThan(0);
    for (const line of uses) expect(line).toMatch(/^ {10}[A-Z_]+: \$\{\{ secrets\.[A-Z_]+ \}\}$/);
  });
});

describe('.ci/deploy', () => {
  const TOKEN = 'secret-admin-token-never-printed';

  it('stops, naming the missing secret, before running anything', async () => {
    const { code, stdout, stderr } = await run('bash', ['.ci/deploy', 'staging'], {
      CLOUDFLARE_API_TOKEN: undefined,
      ADMIN_TOKEN: TOKEN,
    });
    expect(code).toBe(1);
    expect(stderr).toContain('CLOUDFLARE_API_TOKEN is not set');
    expect(stdout + stderr).not.toContain(TOKEN);
  });

  it('refuses an environment that still holds a placeholder, naming each field, before reaching Cloudflare', async () => {
    const { code, stdout, stderr } = await run('bash', ['.ci/deploy', 'production'], {
      CLOUDFLARE_API_TOKEN: 'not-a-token',
      ADMIN_TOKEN: TOKEN,
    });
    expect(code).toBe(1);
    expect(stderr).toContain('cannot deploy the environment "production" yet');
    expect(stderr).toContain(
      '[[env.production.kv_namespaces]] RELEASES id is "PLACEHOLDER-production-kv-namespace-id"',
    );
    expect(stderr).toContain('[env.production.vars] PUBLIC_ORIGIN');
    expect(stderr).toContain('wrangler kv namespace create RELEASES --env production');
    expect(stdout + stderr).not.toContain(TOKEN);
  });

  it('names the origin to smoke-check once an environment is filled in', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'belarus-release-config-'));
    try {
      const filled = (await readFile('wrangler.toml', 'utf8'))
        .replace('PLACEHOLDER-staging-kv-namespace-id', '0123456789abcdef0123456789abcdef')
        .replace('https://belarus-release-staging.PLACEHOLDER.workers.dev', 'https://staging.facts.example');
      await writeFile(join(dir, 'wrangler.toml'), filled);
      const { code, stdout } = await run('node', ['.ci/target.js', 'staging', join(dir, 'wrangler.toml')]);
      expect(code).toBe(0);
      expect(stdout.trim()).toBe('https://staging.facts.example');
      expect((await run('node', ['.ci/target.js', 'qa', join(dir, 'wrangler.toml')])).stderr).toContain(
        'No environment found in configuration with name "qa"',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
