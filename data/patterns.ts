/**
 * The id and language patterns, without zod, so that the widget can check its attributes with
 * the same rules the schema enforces.
 */

/** Primary language subtag ("en", "be", "uk"): the only form the API serves. */
export const LANG_PATTERN = /^[a-z]{2,3}$/;

/** Release ids are URL slugs. `latest` is reserved: it names the newest release. */
export const ID_PATTERN = /^(?!latest$)[a-z0-9]+(?:-[a-z0-9]+)*$/;
