/**
 * What an editor types on the command line, checked before any store or server is asked: the
 * same message whether `npm start` runs or not, with the rule and a way out, never an HTTP
 * status or the worker's wording.
 */
import { DEFAULT_LANG, LANGUAGES } from '../data/lang';
import { MAX_ID_LENGTH } from '../data/limits';
import { ID_PATTERN } from '../data/patterns';
import { CliError } from './errors';

/** One of the languages the facts are published in. */
export type Language = (typeof LANGUAGES)[number];

/** A required positional argument, or an error showing the usage. */
export function required(value: string | undefined, usage: string): string {
  if (!value) throw new CliError(`Missing argument.`, [], `Usage: belarus-release ${usage}`);
  return value;
}

/**
 * A release id as the documents and URLs spell it, or an error giving the rule.
 *
 * @example
 * releaseId('belarus-2025-12'); // 'belarus-2025-12'
 * releaseId('Belarus 2025'); // throws: "Belarus 2025" is not a release id …
 */
export function releaseId(value: string): string {
  if (value.length <= MAX_ID_LENGTH && ID_PATTERN.test(value)) return value;
  const slug = value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const why =
    value === 'latest'
      ? '"latest" names the newest release on the public API, not a document.'
      : `A release id is lower-case letters and digits in words joined by hyphens, at most ${MAX_ID_LENGTH} characters, like belarus-2025-12.`;
  const asId =
    slug && slug !== value && slug !== 'latest' && ID_PATTERN.test(slug) ? `As an id it would be ${slug}; t` : 'T';
  return fail(`"${value}" is not a release id.`, [why], `${asId}he ids are the folder names under data/releases/.`);
}

/** A required release id positional: `required`, then `releaseId`. */
export const requiredId = (value: string | undefined, usage: string): string => releaseId(required(value, usage));

/**
 * One of the six languages, from what an editor typed: the case and a region do not matter
 * ("RU", "ru-RU", "be_BY" are ru and be), anything else is refused with the list.
 *
 * @example
 * language('ru-RU'); // 'ru'
 * language('de'); // throws: --lang "de" is not one of the languages …
 */
export function language(value: string, what = '--lang'): Language {
  const primary = /^([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*$/i.exec(value)?.[1]?.toLowerCase();
  const found = LANGUAGES.find((lang) => lang === primary);
  if (found) return found;
  return fail(
    `${what} "${value}" is not one of the languages of the facts.`,
    [`The languages: ${LANGUAGES.join(', ')} (${DEFAULT_LANG}, English, is the source).`],
    what.startsWith('--') ? `Use one of them, e.g. ${what} ru.` : 'Use one of them.',
  );
}

/**
 * A worker's URL for --remote: http(s) only, with the scheme written out. Without one, the hint
 * gives the URL with it (http:// for this machine, https:// for anything else).
 *
 * @example
 * workerUrl('https://facts.example'); // 'https://facts.example'
 * workerUrl('127.0.0.1:8787'); // throws, hint: --remote http://127.0.0.1:8787
 */
export function workerUrl(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url && (url.protocol === 'http:' || url.protocol === 'https:') && /^https?:\/\//i.test(value)) return value;
  const bare = value.replace(/^[a-z][a-z0-9+.-]*:\/\//i, ''); // ftp://host → host
  const local = /^(localhost|127\.|\[::1\])/i.test(bare);
  const fixed = `${local ? 'http' : 'https'}://${bare}`;
  return fail(
    `--remote "${value}" is not a worker URL: it needs http:// or https://.`,
    [],
    URL.canParse(fixed)
      ? `Use --remote ${fixed}`
      : 'Give the URL as the browser shows it, e.g. --remote https://facts.example.',
  );
}

function fail(message: string, details: string[], hint: string): never {
  throw new CliError(message, details, hint);
}
