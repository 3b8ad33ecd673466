// The bindings `env` from "cloudflare:workers" carries in tests: those of wrangler.toml.
declare namespace Cloudflare {
  interface Env extends import('../../worker/env').Env {}
}
