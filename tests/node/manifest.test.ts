import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

describe('custom-elements.json', () => {
  it('is generated from the element as it is now (npm run manifest)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'belarus-release-cem-'));
    try {
      // The analyzer takes --outdir relative to the working directory, even an absolute one.
      const outdir = relative(process.cwd(), dir);
      await promisify(execFile)('npx', ['cem', 'analyze', '--outdir', outdir]); // custom-elements-manifest.config.mjs
      const fresh = JSON.parse(await readFile(join(dir, 'custom-elements.json'), 'utf8'));
      const committed = JSON.parse(await readFile('custom-elements.json', 'utf8'));
      expect(committed).toEqual(fresh);
      const element = committed.modules[0].declarations[0];
      expect(element.tagName).toBe('belarus-release');
      expect(element.attributes.map((a: { name: string }) => a.name)).toEqual([
        'release',
        'lang',
        'theme',
        'variant',
        'api',
        'expanded',
      ]);
      // The analyzer leaves package.json alone; it names the committed manifest.
      expect(JSON.parse(await readFile('package.json', 'utf8')).customElements).toBe('custom-elements.json');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
