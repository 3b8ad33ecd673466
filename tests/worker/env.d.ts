// Types for `env` and `exports` from "cloudflare:workers" in tests: the bindings of
// wrangler.toml and the worker's entry module (what `wrangler types` would generate).
import type { Env as WorkerEnv } from '../../worker/env';

declare global {
  namespace Cloudflare {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges into Cloudflare.Env
    interface Env extends WorkerEnv {}
    interface GlobalProps {
      mainModule: typeof import('../../worker/index');
    }
  }
}
