/**
 * What WordPress makes of an oEmbed answer from a provider it does not know: a port of
 * `wp_filter_oembed_result` (wp-includes/embed.php, WordPress 6.1, as Debian ships it), with
 * `wp_kses` reduced to what that filter allows. The host page in wordpress.test.ts shows our
 * oEmbed `html` exactly as a WordPress post would.
 */
import { randomBytes } from 'node:crypto';

/** The tags and attributes the filter lets through (`$allowed_html`). */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  blockquote: [],
  iframe: ['src', 'width', 'height', 'frameborder', 'marginwidth', 'marginheight', 'scrolling', 'title'],
};

/** wp_kses for these tags: other tags go (their text stays), other attributes go. */
function kses(html: string, allowed: Readonly<Record<string, readonly string[]>>): string {
  return html.replace(/<(\/?)([a-zA-Z][\w-]*)([^>]*)>/g, (_, close: string, tag: string, attrs: string) => {
    const name = tag.toLowerCase();
    const keep = allowed[name];
    if (!keep) return '';
    if (close) return `</${name}>`;
    const kept = [...attrs.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)]
      .filter(([, attr]) => keep.includes(attr!.toLowerCase()))
      .map(([, attr, double, single]) => ` ${attr!.toLowerCase()}="${double ?? single}"`);
    return `<${name}${kept.join('')}>`;
  });
}

/** wp_generate_password( 10, false ): ten letters and digits. */
function secret(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return [...randomBytes(10)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

/**
 * The markup WordPress stores and prints for an untrusted provider's "rich" answer, or
 * `false` when it would refuse it (no iframe).
 *
 * @example
 * filterOembedResult('<blockquote>…</blockquote><iframe src="…"></iframe>');
 * // <blockquote class="wp-embedded-content" data-secret="…">…</blockquote><iframe class="wp-embedded-content" sandbox="allow-scripts" …>
 */
export function filterOembedResult(result: string): string | false {
  let html = kses(result, ALLOWED);
  const content = /(<blockquote>.*?<\/blockquote>)?.*(<iframe.*?><\/iframe>)/s.exec(html);
  if (!content?.[2]) return false;
  html = (content[1] ?? '') + content[2];
  const src = / src=(['"])(.*?)\1/.exec(html);
  if (src) {
    const code = secret();
    const [found, q, url] = src;
    html = html.replaceAll(found, ` src=${q}${url}#?secret=${code}${q} data-secret=${q}${code}${q}`);
    html = html.replaceAll('<blockquote', `<blockquote data-secret="${code}"`);
  }
  if (content[1]) {
    // "We have a blockquote to fall back on. Hide the iframe by default."
    html = html.replaceAll('<iframe', '<iframe style="position: absolute; clip: rect(1px, 1px, 1px, 1px);"');
    html = html.replaceAll('<blockquote', '<blockquote class="wp-embedded-content"');
  }
  // PHP's str_replace and str_ireplace replace every occurrence.
  return html.replace(/<iframe/gi, '<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"');
}
