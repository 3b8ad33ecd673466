// Starts the worker (the deploy bundle, seeded KV) for the browser tests to fetch from.
import type { TestProject } from 'vitest/node';
import { startLocalWorker } from '../../cli/local-worker';

declare module 'vitest' {
  export interface ProvidedContext {
    apiOrigin: string;
  }
}

export default async function setup(project: TestProject) {
  const worker = await startLocalWorker();
  project.provide('apiOrigin', worker.origin);
  return () => worker.dispose();
}
