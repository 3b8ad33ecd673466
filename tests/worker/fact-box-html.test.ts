/**
 * The page renderers with hostile text, rendered directly. Stored documents cannot hold `<`
 * (the schema refuses it), so a page served from KV cannot show whether the renderers escape:
 * these tests give them text that would break out of an element, an attribute or a script.
 */
import { describe, expect, it } from 'vitest';
import type { ReleaseDocument } from '../../data/schema';
import { factBoxHtml, fallbackHtml, jsonLd, readerLanguage } from '../../worker/fact-box-html';
import { seedDocument } from './helpers';

const HOSTILE = `"><img src=x onerror=alert(1)></script><!--<script>alert('x')</script>&amp;`;
const ESCAPED =
  '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;&lt;!--&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;amp;';
const PAGE = `https://facts.example/releases/x?lang=${HOSTILE}`;

/** The hostile text, marked with the field it was put in so that each can be found. */
const hostile = (field: string) => `${HOSTILE}[${field}]`;
const escaped = (field: string) => `${ESCAPED}[${field}]`;

/** Every kind of string the renderers show, by a name for each. */
const FIELDS = [
  'headline',
  'summary',
  'name',
  'description',
  'sentTo',
  'envoy',
  'deal',
  'quote',
  'quoteContext',
  'place',
  'detail',
  'context',
  'title',
  'publisher',
] as const;

/** The seed document with the hostile text in every field of {@link FIELDS}. */
function hostileDocument(): ReleaseDocument {
  const doc = seedDocument();
  const [freed, envoy] = [doc.people[0]!, doc.people.find((p) => p.id === doc.deal.envoy)!];
  Object.assign(doc, { headline: hostile('headline'), summary: hostile('summary') });
  Object.assign(freed, {
    name: hostile('name'),
    description: hostile('description'),
    sentTo: hostile('sentTo'),
    aliases: [hostile('alias')],
  });
  Object.assign(envoy, { name: hostile('envoy') });
  Object.assign(doc.deal, { summary: hostile('deal') });
  Object.assign(doc.quotes[0]!, { text: hostile('quote'), context: hostile('quoteContext') });
  Object.assign(doc.destinations[0]!, { place: hostile('place'), detail: hostile('detail') });
  Object.assign(doc.context[0]!, { text: hostile('context') });
  Object.assign(doc.sources[0]!, {
    title: hostile('title'),
    publisher: hostile('publisher'),
    url: `https://example.com/?q=${HOSTILE}`,
  });
  return doc;
}

describe('factBoxHtml', () => {
  it('escapes hostile text in every field, in text and in attributes', async () => {
    const doc = hostileDocument();
    const html = String(await factBoxHtml(doc, readerLanguage(doc, 'en')));
    expect(html).not.toMatch(/<img|<script|<!--/);
    expect(html).not.toContain(HOSTILE);
    for (const field of FIELDS) expect(html, field).toContain(escaped(field));
    expect(html).toContain(`href="https://example.com/?q=${ESCAPED}"`);
  });
});

describe('fallbackHtml', () => {
  it('escapes hostile text in the headline and the page link', async () => {
    const html = String(await fallbackHtml(hostileDocument(), 'en', PAGE));
    expect(html).not.toMatch(/<img|<script/);
    expect(html).toContain(escaped('headline'));
    expect(html).toContain(`href="https://facts.example/releases/x?lang=${ESCAPED}"`);
  });

  it('gives the count its words, in the form the count takes', async () => {
    const doc = hostileDocument();
    doc.released.count = 123;
    expect(String(await fallbackHtml(doc, 'be', PAGE))).toContain('<strong>123</strong> палітвязні вызвалены:');
    doc.released.count = 1;
    expect(String(await fallbackHtml(doc, 'en', PAGE))).toContain('<strong>1</strong> political prisoner released:');
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
    expect(data.headline).toBe(hostile('headline'));
    expect(data.url).toBe(PAGE);
    expect(data.mentions[0]!.name).toBe(hostile('name'));
  });
});
