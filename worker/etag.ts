/**
 * The ETag of a stored revision: built and read here only. The read API sends it, the admin
 * API takes it back in `If-Match`, and the CLI returns the one it was given, never one it made.
 */
import { fingerprint } from './http-cache';

/** `"r<revision>-<hash>"`: the hash keeps it unique when revisions restart (a new KV namespace). */
const REVISION_ETAG = /^"r(\d+)-([0-9a-f]{8})"$/;

/**
 * The strong ETag of revision `revision` whose JSON is `body`: it names the revision and a hash
 * of the bytes, so it stays unique even when revisions restart or the bundled copy (revision 0)
 * changes.
 *
 * @example
 * revisionEtag(3, body); // '"r3-1a2b3c4d"'
 */
export function revisionEtag(revision: number, body: string): string {
  return `"r${revision}-${fingerprint(body)}"`;
}

/**
 * The revision an ETag of {@link revisionEtag} names, or `null` for any other tag (weak ones
 * included: `If-Match` compares strongly, RFC 9110 §13.1.1).
 *
 * @example
 * parseRevisionEtag('"r3-1a2b3c4d"'); // { revision: 3 }
 * parseRevisionEtag('W/"r3-1a2b3c4d"'); // null
 */
export function parseRevisionEtag(tag: string): { revision: number } | null {
  const match = REVISION_ETAG.exec(tag.trim());
  return match ? { revision: Number(match[1]) } : null;
}
