/**
 * The one public origin. Every absolute URL the worker writes into a page, an oEmbed answer,
 * JSON-LD, a canonical link or a snippet starts with it. It comes from configuration (the
 * `PUBLIC_ORIGIN` var in wrangler.toml), never from the request: the Host header is whatever
 * the client sends, and a cache in front of the worker would keep a page that names the
 * attacker's host and serve it to everyone.
 */

/** The configured origin is missing or not an http(s) origin: a deployment mistake, not a reader's. */
class OriginConfigError extends Error {
  constructor(value: unknown) {
    super(`PUBLIC_ORIGIN must be an http(s) origin like "https://facts.example", not ${JSON.stringify(value)}`);
    this.name = 'OriginConfigError';
  }
}

/**
 * `env.PUBLIC_ORIGIN` as an origin (scheme, host and port, no trailing slash).
 *
 * @example
 * const page = `${publicOrigin(c.env)}/releases/${id}`;
 */
export function publicOrigin(env: { PUBLIC_ORIGIN?: string }): string {
  const value = env.PUBLIC_ORIGIN;
  const url = typeof value === 'string' && URL.canParse(value) ? new URL(value) : undefined;
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.username || url.password) {
    throw new OriginConfigError(value);
  }
  return url.origin;
}
