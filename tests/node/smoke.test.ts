/**
 * `.ci/smoke`, the check the deploy pipeline runs against a deployed worker: it passes against
 * the worker as built, and fails, naming the URL, against an origin that serves something else.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalWorker, type LocalWorker } from '../../cli/local-worker';

const smoke = (origin: string) =>
  promisify(execFile)('bash', ['.ci/smoke', origin]).then(
    ({ stdout }) => ({ code: 0, out: stdout, err: '' }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      out: error.stdout,
      err: error.stderr,
    }),
  );

let worker: LocalWorker;
let other: Server;
beforeAll(async () => {
  worker = await startLocalWorker();
  // A host that answers 200 with HTML everywhere: not a belarus-release worker.
  other = createServer((_, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<h1>Hello</h1>'));
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  other.close();
  await worker.dispose();
});

describe('.ci/smoke', () => {
  it('passes against the worker: health, the latest release, widget.js and a page', async () => {
    const { code, out } = await smoke(worker.origin);
    expect(code).toBe(0);
    for (const path of ['/healthz', '/api/releases/latest', '/widget.js', '/releases/latest']) {
      expect(out).toContain(`✔ ${worker.origin}${path}`);
    }
  });

  it('fails on the first answer readers could not use, naming it', async () => {
    const origin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    const { code, err } = await smoke(origin);
    expect(code).toBe(1);
    expect(err).toContain(`✘ ${origin}/healthz answered text/html, not application/json`);
  });
});
