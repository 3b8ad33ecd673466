/**
 * A document as the API sends it: serialised once, with the ETag that names its revision. The
 * read path, the admin API and the CLI all derive ETags here, so they always agree.
 */
import type { ReleaseDocument } from '../data/schema';
import { revisionEtag } from './etag';

/** A document ready to send: serialised once, with its validator. */
export interface Representation {
  id: string;
  lang: string;
  revision: number;
  /** The parsed document, for the HTML pages. */
  document: ReleaseDocument;
  body: string;
  etag: string;
}

/** Serialises a document once, with the ETag of its revision (worker/etag.ts). */
export function represent({ $schema: _editorOnly, ...document }: ReleaseDocument, revision: number): Representation {
  const body = JSON.stringify(document);
  return {
    id: document.id,
    lang: document.lang,
    revision,
    document,
    body,
    etag: revisionEtag(revision, body),
  };
}
