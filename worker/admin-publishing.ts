/**
 * The admin API's publishing routes, mounted at /api/releases beside worker/admin.ts: publish a
 * release (its drafts become current, an unpublish is lifted), unpublish it (410 for readers,
 * history kept), and make a signed preview link. Publishing and unpublishing run in each
 * document's Durable Object, like writes, so they take their turn with them.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { LANGUAGES } from '../data/lang';
import { LanguageSchema } from '../data/schema';
import { documentParams, json, langQuery, problems, security } from './admin';
import { authorship, requireToken, storeRefusalsAsProblems } from './admin-requests';
import { parseRevisionEtag } from './etag';
import { notPublic, type AppEnv } from './headers';
import { retrying } from './kv-retry';
import { DEFAULT_PREVIEW_SECONDS, MAX_PREVIEW_SECONDS, previewLinks, signPreview } from './preview';
import { problem } from './problem';
import { publicChanged } from './public-changes';
import { publicOrigin } from './origin';
import type { ReleaseReader } from './releases';
import { represent } from './representation';
import { languagesOf, readLatest, readWithdrawal } from './store';
import { NoDocumentError, RevisionConflictError } from './store-errors';
import { applyPublish, applyWrite } from './writer-client';

const optionalLang = z.object({
  lang: LanguageSchema.optional().describe(
    `One language only, of ${LANGUAGES.join(', ')} (default: every language of the release)`,
  ),
});

const publishRoute = createRoute({
  method: 'post',
  path: '/{id}/publish',
  summary: 'Make the newest revisions current, and lift an unpublish (admin)',
  description:
    'Each language of the release (or `lang` alone) gets its newest revision, draft or not, as the one readers see; ' +
    'an unpublished release comes back. With `lang`, `If-Match` may name the ETag of the revision you previewed: ' +
    'if a newer one was written since, nothing is published (412). The history is not changed.',
  security,
  middleware: requireToken,
  request: { params: documentParams, query: optionalLang },
  responses: {
    200: json(
      z.object({
        id: z.string(),
        published: z.array(
          z.object({
            lang: z.string(),
            revision: z.int(),
            etag: z.string(),
            previous: z.int().nullable().describe('The revision readers had before; `null`: none'),
          }),
        ),
      }),
      'What readers get now, by language',
    ),
    ...problems(400, 401, 404, 409, 412, 503),
  },
});

const unpublishRoute = createRoute({
  method: 'post',
  path: '/{id}/unpublish',
  summary: 'Take a release off the public surface, keeping its history (admin)',
  description:
    'Every language: the index, `latest`, the API, the pages and oEmbed answer 410 Gone until the release is ' +
    'published again; later writes are kept as drafts meanwhile. `X-Revision-Message` says why (kept with the mark). ' +
    'Unpublishing again changes nothing: the first time, author and message stay, and the answer says `unchanged`.',
  security,
  middleware: requireToken,
  request: { params: documentParams },
  responses: {
    200: json(
      z.object({
        id: z.string(),
        unpublishedAt: z.string(),
        author: z.string(),
        message: z.string(),
        languages: z.array(z.string()),
        unchanged: z
          .literal(true)
          .optional()
          .describe("It was unpublished already: the first unpublish's time, author and message are kept"),
      }),
      'The release is unpublished',
    ),
    ...problems(400, 401, 404, 503),
  },
});

const previewRoute = createRoute({
  method: 'post',
  path: '/{id}/preview',
  summary: 'Make a signed link that shows the newest revision, drafts included (admin)',
  description:
    'The links open the release as readers will see it (page, iframe page, API) to anyone who has them, until ' +
    `they expire: \`ttl\` seconds from now (default ${DEFAULT_PREVIEW_SECONDS}, at most ${MAX_PREVIEW_SECONDS}). ` +
    'They are signed with the admin token: changing it revokes every link.',
  security,
  middleware: requireToken,
  request: {
    params: documentParams,
    query: langQuery.extend({ ttl: z.coerce.number().int().min(60).max(MAX_PREVIEW_SECONDS).optional() }),
  },
  responses: {
    200: json(
      z.object({
        expires: z.string().describe('ISO 8601'),
        links: z.object({ page: z.string(), embed: z.string(), api: z.string() }),
      }),
      'The links',
    ),
    ...problems(400, 401, 404, 503),
  },
});

/**
 * @example
 * app.route('/api/releases', publishingRoutes(readerFor));
 */
export function publishingRoutes(readerFor: (env: Env) => ReleaseReader): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  for (const route of [publishRoute, unpublishRoute, previewRoute]) app.use(route.getRoutingPath(), notPublic);

  app.openapi(publishRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { lang } = c.req.valid('query');
    const expected = previewedRevision(c, lang);
    const done = await storeRefusalsAsProblems(id, async () =>
      lang
        ? [
            {
              lang,
              ...(await applyPublish(c.env, { kind: 'publish', id, lang, ...(expected ? { expected } : {}) }).catch(
                (error: unknown) => stalePreview(error, `${id}/${lang}`, expected),
              )),
            },
          ]
        : eachDocument(await languagesIn(c, id), (one) => applyPublish(c.env, { kind: 'publish', id, lang: one })),
    );
    const published = done.map(({ lang, stored, previous }) => {
      const { etag } = represent(stored.document, stored.revision);
      return { lang, revision: stored.revision, etag, previous };
    });
    await publicChanged(c, readerFor(c.env), { kind: 'current', id, langs: done.map((d) => d.lang) });
    return c.json({ id, published }, 200, { 'Cache-Control': 'no-store' });
  });

  app.openapi(unpublishRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { author, message } = authorship(c);
    const candidates = await languagesIn(c, id);
    const before = await readWithdrawal(retrying(c.env.RELEASES), id);
    const note = before ?? { unpublishedAt: new Date().toISOString(), author, message };
    // Run again even so: it finishes an unpublish that failed part-way, and keeps the first note.
    const done = await storeRefusalsAsProblems(id, () =>
      eachDocument(candidates, (lang) => applyWrite(c.env, { kind: 'unpublish', id, lang, note })),
    );
    const langs = done.map((d) => d.lang);
    await publicChanged(c, readerFor(c.env), { kind: 'unpublished', id, langs });
    const answer = { id, ...note, languages: langs, ...(before ? { unchanged: true as const } : {}) };
    return c.json(answer, 200, { 'Cache-Control': 'no-store' });
  });

  app.openapi(previewRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { lang, ttl = DEFAULT_PREVIEW_SECONDS } = c.req.valid('query');
    if (!(await readLatest(retrying(c.env.RELEASES), id, lang))) {
      throw problem(404, 'Not Found', `There is no document ${id}/${lang}, draft or published.`);
    }
    const expires = Math.floor(Date.now() / 1000) + ttl;
    const token = await signPreview(c.env.ADMIN_TOKEN, id, expires);
    const links = previewLinks(publicOrigin(c.env), id, lang, token);
    return c.json({ expires: new Date(expires * 1000).toISOString(), links }, 200, { 'Cache-Control': 'no-store' });
  });
  return app;
}

/**
 * The languages a release may have a document in: those its history lists and, since a listing
 * may lag a first write by up to a minute (and a language missed by an unpublish would stay
 * public), every published language too. 404 when the history lists none.
 */
async function languagesIn(c: Context<AppEnv>, id: string): Promise<string[]> {
  const listed = await languagesOf(retrying(c.env.RELEASES), id);
  if (listed.length === 0) throw problem(404, 'Not Found', `There is no release "${id}".`);
  // English first, as everywhere: the order readers' languages are listed in.
  return [...new Set([...LANGUAGES.filter((lang) => listed.includes(lang)), ...listed, ...LANGUAGES])];
}

/** `run` for each language in turn; a language with no document is passed over. */
async function eachDocument<T extends object>(langs: string[], run: (lang: string) => Promise<T>) {
  const done: (T & { lang: string })[] = [];
  for (const lang of langs) {
    try {
      done.push({ ...(await run(lang)), lang });
    } catch (error: unknown) {
      if (!(error instanceof NoDocumentError)) throw error;
    }
  }
  return done;
}

/**
 * 412 when the revision previewed (`If-Match`) is no longer the newest: nothing was published,
 * and the editor should look at the newer one first. Any other error is thrown as it is.
 */
function stalePreview(error: unknown, what: string, previewed: number | undefined): never {
  if (!(error instanceof RevisionConflictError) || previewed === undefined) throw error;
  const newest = error.currentRevision;
  throw problem(
    412,
    'Precondition Failed',
    `Revision ${newest} of ${what} was written after the one you previewed (${previewed}): nothing was published. ` +
      `Preview revision ${newest} (POST …/preview), then publish it with its ETag in If-Match.`,
    { type: 'tag:belarus-release,2025:revision-conflict', currentRevision: newest },
  );
}

/** The revision an `If-Match` names: what the editor previewed. Only for one language. */
function previewedRevision(c: Context<AppEnv>, lang: string | undefined): number | undefined {
  const ifMatch = c.req.header('If-Match')?.trim();
  if (!ifMatch) return undefined;
  const named = parseRevisionEtag(ifMatch);
  if (!named) throw problem(412, 'Precondition Failed', `If-Match must be an ETag of this API, not ${ifMatch}.`);
  if (!lang) throw problem(400, 'Bad Request', 'If-Match names the revision of one document: add ?lang=xx.');
  return named.revision;
}
