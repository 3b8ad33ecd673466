/**
 * `PUT /api/releases/:id/card?lang=xx&revision=n` (admin): stores the link-preview card the CLI
 * drew for a revision (cli/card.ts), for `push --remote`. The worker cannot draw cards (the
 * renderer stays off its path), so it checks what it is given: the token, then a PNG body of
 * at most {@link MAX_CARD_BYTES} and 1200 × 630 pixels (worker/png.ts), then that the revision
 * exists. 413, 415 and 400 say which check failed and why; nothing is stored unless all pass.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DEFAULT_LANG } from '../data/lang';
import { MAX_ID_LENGTH } from '../data/limits';
import { ID_PATTERN } from '../data/patterns';
import { LanguageSchema } from '../data/schema';
import { requireToken, unreadable } from './admin-requests';
import { CardRefusedError, storeCard } from './card-store';
import { notPublic, type AppEnv } from './headers';
import { retrying } from './kv-retry';
import { MAX_CARD_BYTES } from './png';
import { problem, ProblemSchema } from './problem';

const TITLES = { 400: 'Invalid card', 404: 'Not Found', 413: 'Content Too Large', 415: 'Unsupported Media Type' };

const limit = bodyLimit({
  maxSize: MAX_CARD_BYTES,
  onError: () => {
    throw problem(413, TITLES[413], `The card is larger than ${MAX_CARD_BYTES} bytes; a card is a 1200 × 630 PNG.`);
  },
});

/** An `image/png` body within the size limit; its bytes are checked by the store. */
const pngBody: MiddlewareHandler<AppEnv> = (c, next) =>
  limit(c, async () => {
    const type = c.req.header('Content-Type') ?? '';
    if (!/^image\/png\s*(;|$)/i.test(type)) {
      throw problem(415, TITLES[415], `Send the card as image/png, not "${type || 'nothing'}".`);
    }
    await next();
  });

const problemContent = { 'application/problem+json': { schema: ProblemSchema } };
const described = (description: string) => ({ description, content: problemContent });

const cardRoute = createRoute({
  method: 'put',
  path: '/{id}/card',
  summary: "Store a revision's link-preview card (admin)",
  description:
    `A 1200 × 630 PNG of at most ${MAX_CARD_BYTES / 1024} KB, drawn by the CLI from the revision's document. ` +
    'It is served at the `path` answered, the URL the pages name in `og:image` for every revision that says the same.',
  security: [{ adminToken: [] }],
  middleware: [requireToken, pngBody],
  request: {
    params: z.object({ id: z.string().max(MAX_ID_LENGTH).regex(ID_PATTERN, 'must be a release id') }),
    query: z.object({
      lang: LanguageSchema.default(DEFAULT_LANG),
      revision: z.coerce.number().int().min(1).describe('The revision the card was drawn from'),
    }),
    body: { required: true, content: { 'image/png': { schema: z.string().meta({ format: 'binary' }) } } },
  },
  responses: {
    200: {
      description: 'Stored',
      content: {
        'application/json': { schema: z.object({ key: z.string(), etag: z.string(), path: z.string() }) },
      },
    },
    400: described('Not 1200 × 630, a broken PNG, or bad parameters'),
    401: described('Missing or wrong bearer token'),
    404: described('No such revision'),
    409: described('The revision cannot be read from KV'),
    413: described(`Body over ${MAX_CARD_BYTES / 1024} KB`),
    415: described('Not image/png, or not a PNG'),
    503: described('No ADMIN_TOKEN configured: the admin API is off'),
  },
});

/**
 * The card upload route, to mount at /api/releases.
 *
 * @example
 * app.route('/api/releases', cardAdminRoutes());
 */
export function cardAdminRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  app.use(cardRoute.getRoutingPath(), notPublic);
  app.openapi(cardRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { lang, revision } = c.req.valid('query');
    const png = new Uint8Array(await c.req.arrayBuffer());
    try {
      const stored = await storeCard(retrying(c.env.RELEASES), id, lang, revision, png);
      return c.json(stored, 200, { 'Cache-Control': 'no-store' });
    } catch (error: unknown) {
      if (error instanceof CardRefusedError) throw problem(error.status, TITLES[error.status], `${error.reason}.`);
      return unreadable(error);
    }
  });
  return app;
}
