/**
 * The page renderers with hostile text, rendered directly. Stored documents cannot hold `<`
 * (the schema refuses it), so a page served from KV cannot show whether the renderers escape:
 * these tests give them text that would break out of an element, an attribute or a script.
 */
import { describe, expect, it } from 'vitest';
import type { ReleaseDocument } from '../../data/schema';
import { factBoxHtml, fallbackHtml, jsonLd } from '../../worker/fact-box-html';
import { seedDocument } from './helpers';

const HOSTILE = `"><img src=x onerror=alert(1)></script><!--<script>alert('x')</script>&amp;`;
const ESCAPED =
  '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;&lt;!--&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;amp;';
const PAGE = `https://facts.example/releases/x?lang=${HOSTILE}`;

/** The seed document with the hostile text in every kind of string the renderers show. */
function hostileDocument(): ReleaseDocument {
  const doc = seedDocument();
  const [freed, envoy] = [doc.people[0]!, doc.people.find((p) => p.id === doc.deal.envoy)!];
  Object.assign(doc, { headline: HOSTILE, summary: HOSTILE });
  Object.assign(freed, { name: HOSTILE, description: HOSTILE, sentTo: HOSTILE, aliases: [HOSTILE] });
  Object.assign(envoy, { name: HOSTILE });
  Object.assign(doc.deal, { summary: HOSTILE });
  Object.assign(doc.quotes[0]!, { text: HOSTILE, context: HOSTILE });
  Object.assign(doc.destinations[0]!, { place: HOSTILE, detail: HOSTILE });
  Object.assign(doc.context[0]!, { text: HOSTILE });
  Object.assign(doc.sources[0]!, { title: HOSTILE, publisher: HOSTILE, url: `https://example.com/?q=${HOSTILE}` });
  return doc;
}

/** Every place the hostile text was rendered, escaped or not. */
const occurrences = (html: string, text: string) => html.split(text).length - 1;

describe('factBoxHtml', () => {
  it('escapes hostile text in every field, in text and in attributes', async () => {
    const html = String(await factBoxHtml(hostileDocument(), 'en'));
    expect(html).not.toMatch(/<img|<script|<!--/);
    expect(html).not.toContain(HOSTILE);
    // headline, summary; name, description, sentTo; the envoy's name under the deal and the quote;
    // deal; quote text and context; destination place and detail; context; publisher, title, href
    expect(occurrences(html, ESCAPED)).toBe(16);
  });
});

describe('fallbackHtml', () => {
  it('escapes hostile text in the headline and the page link', async () => {
    const html = String(await fallbackHtml(hostileDocument(), 'en', PAGE));
    expect(html).not.toMatch(/<img|<script/);
    expect(occurrences(html, ESCAPED)).toBe(2);
  });
});

describe('jsonLd', () => {
  it('is one script element that no string can close, and gives the text back unchanged', () => {
    const doc = hostileDocument();
    const block = String(jsonLd(doc, PAGE));
    const open = '<script type="application/ld+json">';
    expect(block.startsWith(open) && block.endsWith('</script>')).toBe(true);
    const json = block.slice(open.length, -'</script>'.length);
    expect(json).not.toContain('<');
    const data = JSON.parse(json) as { headline: string; url: string; mentions: { name: string }[] };
    expect(data.headline).toBe(HOSTILE);
    expect(data.url).toBe(PAGE);
    expect(data.mentions[0]!.name).toBe(HOSTILE);
  });
});
