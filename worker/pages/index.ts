/**
 * The HTML an embedder or a crawler gets: the canonical page of a release (./canonical.ts), the
 * iframe page (./embed.ts), oEmbed (./oembed.ts) and the demo page (./demo.ts).
 */
import { Hono } from 'hono';
import type { AppEnv } from '../headers';
import type { ReleaseReader } from '../releases';
import { canonicalPage } from './canonical';
import { demoPage } from './demo';
import { embedPage } from './embed';
import { oembed } from './oembed';

/**
 * The page routes and oEmbed, to mount at /.
 *
 * @example
 * app.route('/', pageRoutes(readerFor));
 */
export function pageRoutes(readerFor: (env: Env) => ReleaseReader): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/releases/:id', (c) => canonicalPage(c, readerFor(c.env)));
  app.get('/embed/:id', (c) => embedPage(c, readerFor(c.env)));
  app.get('/oembed', (c) => oembed(c, readerFor(c.env)));
  app.get('/', (c) => demoPage(c, readerFor(c.env)));
  return app;
}
