/**
 * The iframe page, `/embed/:id`: the box for pages that take no script of ours (iframes, oEmbed,
 * AMP, WordPress). Server-rendered with every fact from the one template, so it reads the same
 * with JavaScript off and in a `sandbox` frame without `allow-scripts`. Its one script,
 * /embed.js (embed/frame.ts), only tells the host how tall the content is, in the protocols
 * hosts already run, and takes links out of the frame where the sandbox would stop them.
 */
import type { Context } from 'hono';
import { html } from 'hono/html';
import { factPageUrl } from '../../factbox/model';
import { factBoxHtml, readerLanguage } from '../fact-box-html';
import type { ReleaseReader } from '../releases';
import { EMBED_CSP, type AppEnv } from '../headers';
import { htmlPage, pageHeaders, pageRelease } from './document';
import { embedOptions } from './embed-options';
import { embedStyle } from './styles';

/**
 * GET /embed/:id?lang=xx&theme=light|dark|auto&transparent=1&maxwidth=px. An iframe cannot see
 * its host's colour scheme, so `light` is the default; `auto` follows the reader's system
 * (`prefers-color-scheme`), for hosts that do too. `transparent=1` drops the box's background;
 * `maxwidth` keeps the box that narrow in a wider frame (./embed-options.ts).
 * `lang` is taken as on the canonical page; Pym's parameters (`initialWidth`, `childId`) and
 * WordPress's `#?secret=` are read by the script, not here.
 *
 * @example
 * app.get('/embed/:id', (c) => embedPage(c, readerFor(c.env)));
 */
export async function embedPage(c: Context<AppEnv>, reader: ReleaseReader): Promise<Response> {
  const options = embedOptions((name) => c.req.query(name));
  const { doc, lang, origin, behind, ...served } = await pageRelease(c, reader, options);
  const box = readerLanguage(doc, lang, behind);
  const { ui, labels } = box;
  const body = htmlPage({
    lang: ui,
    title: doc.headline,
    canonical: factPageUrl(origin, doc.id, ui),
    style: embedStyle(options),
    head: html`<script type="module" src="/embed.js"></script>`,
    // Links leave the frame (a new tab): the canonical page refuses to be framed, and a host's
    // reader should keep the host's page. In WordPress's sandbox the script sends them instead.
    body: html`<main>
      ${factBoxHtml(doc, box)}
      <p class="page-link">
        <a href="${factPageUrl(origin, doc.id, lang)}" target="_blank" rel="noopener" data-cut="${labels.allFacts}"
          >${labels.factPage}</a
        >
      </p>
    </main>`,
  });
  return c.html(body, 200, pageHeaders(EMBED_CSP, ui, { framed: true, ...served }));
}
