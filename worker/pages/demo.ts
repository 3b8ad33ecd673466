/**
 * The demo page at `/`: the element as a site owner would use it, in each theme and variant,
 * and the three ways to embed each release (script and element, iframe, oEmbed), to copy.
 */
import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import { DEFAULT_LANG } from '../../data/lang';
import type { ReleaseDocument } from '../../data/schema';
import { factPageUrl } from '../../factbox/model';
import { RESERVE_STYLE } from '../../factbox/snippet';
import { fallbackHtml } from '../fact-box-html';
import { PAGE_CSP, type AppEnv } from '../headers';
import type { ReleaseReader } from '../releases';
import { htmlPage, pageOrigin } from './document';
import { EMBED_SIZE, embedHtml } from './oembed';

/** The element in each theme and variant, with labels in a few languages. */
const DEMO_EXAMPLES: [string, string][] = [
  ['Light, full, English', '<belarus-release theme="light" lang="en"></belarus-release>'],
  ['Dark, full, Belarusian', '<belarus-release theme="dark" lang="be"></belarus-release>'],
  ['Light, compact, Ukrainian', '<belarus-release theme="light" variant="compact" lang="uk"></belarus-release>'],
  ['Dark, compact, Lithuanian', '<belarus-release theme="dark" variant="compact" lang="lt"></belarus-release>'],
];

const DEMO_STYLE = `body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;overflow-wrap:anywhere}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(20rem,100%),1fr));gap:1.5rem}
pre{background:#f3f3f3;padding:1rem;overflow-x:auto}`;

/**
 * GET /: every release with an English document (one without is left out rather than
 * breaking the page).
 *
 * @example
 * app.get('/', (c) => demoPage(c, readerFor(c.env)));
 */
export async function demoPage(c: Context<AppEnv>, reader: ReleaseReader): Promise<Response> {
  const { value: releases } = await reader.list(DEFAULT_LANG);
  const served = await Promise.all(releases.map(({ id }) => reader.get(id, DEFAULT_LANG)));
  const docs = served.flatMap((s) => (s?.value.lang === DEFAULT_LANG ? [s.value.document] : []));
  const origin = pageOrigin(c);
  const snippets = await Promise.all(docs.map((doc) => embedSnippets(origin, doc)));
  const body = htmlPage({
    lang: DEFAULT_LANG,
    title: 'belarus-release: the embeddable fact box',
    canonical: `${origin}/`,
    style: DEMO_STYLE,
    head: html`<script type="module" src="/widget.js"></script>
      ${raw(RESERVE_STYLE)}`,
    body: html`<h1>belarus-release</h1>
      <p>A fact box about the December 2025 release of Belarusian political prisoners, in any page.</p>
      <div class="grid">
        ${DEMO_EXAMPLES.map(
          ([title, tag]) =>
            html`<section>
              <h2>${title}</h2>
              ${raw(tag)}
              <pre><code>${tag}</code></pre>
            </section>`,
        )}
      </div>
      <h2>Embed it</h2>
      ${snippets}
      <p><a href="/api/openapi.json">The API (OpenAPI 3.1)</a></p>`,
  });
  return c.html(body, 200, { 'Content-Security-Policy': PAGE_CSP, 'Cache-Control': 'no-cache' });
}

/** The three ways to embed a release: script and element, iframe (oEmbed's markup), oEmbed. */
async function embedSnippets(origin: string, doc: ReleaseDocument) {
  const page = factPageUrl(origin, doc.id, DEFAULT_LANG);
  const fallback = String(fallbackHtml(doc, DEFAULT_LANG, page)).trim();
  const script = `<script type="module" src="${origin}/widget.js"></script>\n${RESERVE_STYLE}\n<belarus-release release="${doc.id}">\n  ${fallback}\n</belarus-release>`;
  const options = { theme: 'light', transparent: false, maxWidth: EMBED_SIZE.width } as const;
  const iframe = await embedHtml(origin, doc, DEFAULT_LANG, EMBED_SIZE.height, options);
  return html`<section>
    <h2>${doc.headline}</h2>
    <p>
      A script, a style that keeps the box's place until the script arrives, and the element, with fallback content for
      readers where the script never runs:
    </p>
    <pre><code>${script}</code></pre>
    <p>
      Where scripts are stripped, an iframe that sizes itself through Pym.js, AMP, WordPress or a listener of ours
      (README, "Embedding without a script"):
    </p>
    <pre><code>${iframe}</code></pre>
    <p>For CMSs that take oEmbed, the page URL: <code>${page}</code></p>
  </section>`;
}
